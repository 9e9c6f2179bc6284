import { defineConfig } from 'vitest/config';

// `npm run test:security`: the security suite, apart from `npm test` because it
// is slow (thousands of payloads, a browser). One file at a time: the browser
// files launch Chromium, and CI machines have two cores.
export default defineConfig({
  resolve: { conditions: ['@funws/source'] },
  ssr: { resolve: { conditions: ['@funws/source'] } },
  test: {
    name: 'security',
    root: new URL('.', import.meta.url).pathname,
    include: ['test/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 600_000,
  },
});
