import { workspaceProject } from '../../vitest.shared.ts';

// The fixture solution's step tests are run by the CLI under test, in a
// temporary copy; this project must not pick them up itself.
export default workspaceProject('cli', {
  exclude: ['test/fixtures/**', '.tmp/**'],
  testTimeout: 60_000,
});
