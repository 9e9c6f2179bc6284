import { defineConfig } from 'vitest/config';

// `npm run test:slow`: the tests that spawn processes or build (`*.slow.test.ts`),
// kept out of `npm test` so that it stays quick. CI runs both.
export default defineConfig({
  test: {
    projects: [
      'packages/*/vitest.slow.config.ts',
      'solutions/*/vitest.slow.config.ts',
      'course/vitest.slow.config.ts',
    ],
  },
});
