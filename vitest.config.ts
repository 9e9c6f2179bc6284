import { defineConfig } from 'vitest/config';

// `npm test` at the root: every workspace's tests, each workspace a vitest project.
// Browser tests (*.e2e.test.ts) need Chromium and run with `npm run test:e2e` instead.
export default defineConfig({
  test: {
    projects: [
      'packages/*/vitest.config.ts',
      'solutions/*/vitest.config.ts',
      'course/vitest.config.ts',
    ],
  },
});
