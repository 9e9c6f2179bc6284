import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// `npm test` at the root: every workspace's tests, each workspace a vitest project.
// Browser tests (*.e2e.test.ts) need Chromium and run with `npm run test:e2e` instead.
export default defineConfig({
  test: {
    // One worker per core. vitest's default leaves one core free (one worker on
    // a 2-core machine); these tests mostly wait on sockets, so both cores help:
    // 94 s → 67 s for the root `npm test` on an idle 2-core machine.
    maxWorkers: availableParallelism(),
    projects: [
      'packages/*/vitest.config.ts',
      'solutions/*/vitest.config.ts',
      'course/vitest.config.ts',
    ],
  },
});
