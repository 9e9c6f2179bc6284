import { defineConfig } from 'vitest/config';

// `npm run test:slow`: the tests that spawn processes or build (`*.slow.test.ts`),
// kept out of `npm test` so that it stays quick. CI runs both.
export default defineConfig({
  test: {
    // A glob, which may match nothing in a workspace; a plain path must exist.
    projects: ['{packages/*,solutions/*,course}/vitest.slow.config.ts'],
  },
});
