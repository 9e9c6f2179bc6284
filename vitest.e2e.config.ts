import { defineConfig } from 'vitest/config';

// `npm run test:e2e`: the browser tests, driven through Debian's Chromium by playwright-core.
// One file at a time: each launches its own browser, and CI machines have two cores.
export default defineConfig({
  resolve: { conditions: ['@funws/source'] },
  ssr: { resolve: { conditions: ['@funws/source'] } },
  test: {
    include: ['{packages,solutions}/*/test/**/*.e2e.test.ts', 'course/test/**/*.e2e.test.ts'],
    exclude: ['**/node_modules/**'],
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
