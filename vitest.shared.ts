import { defineProject, type UserWorkspaceConfig } from 'vitest/config';

/**
 * The settings every workspace's vitest project shares. A workspace's own
 * `vitest.config.ts` is one line: `export default workspaceProject('name')`.
 *
 * - `@funws/source` makes `@funws/*` imports resolve to TypeScript sources, so
 *   tests never need a build step (published packages resolve to `dist/`).
 * - Browser tests (`*.e2e.test.ts`) are left to `npm run test:e2e`.
 */
export function workspaceProject(
  name: string,
  test: NonNullable<UserWorkspaceConfig['test']> = {},
): UserWorkspaceConfig {
  return defineProject({
    resolve: { conditions: ['@funws/source'] },
    ssr: { resolve: { conditions: ['@funws/source'] } },
    test: {
      name,
      include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
      exclude: ['**/node_modules/**', '**/*.e2e.test.ts'],
      testTimeout: 15_000,
      hookTimeout: 20_000,
      ...test,
    },
  });
}

/**
 * A demo's project: `solutions/<name>` and the exercise generated from it,
 * which a learner runs on every save. Like {@link workspaceProject}, except
 * that the test files of a run share one worker and its modules
 * (`isolate: false`): express, socket.io and happy-dom load once, not once
 * per step, which is most of the time a run takes. Each step test still
 * starts its own app, so no state is shared between tests. Transformed
 * modules are kept on disk between runs (`experimental.fsModuleCache`, in
 * node_modules/.experimental-vitest-cache), keyed by each file's path and
 * content, so an edit is always seen and an unchanged file is not transformed
 * again.
 */
export function demoProject(
  name: string,
  test: NonNullable<UserWorkspaceConfig['test']> = {},
): UserWorkspaceConfig {
  return workspaceProject(name, {
    isolate: false,
    experimental: { fsModuleCache: true },
    ...test,
  });
}
