import { defineProject, type UserWorkspaceConfig } from 'vitest/config';

/** Tests that spawn processes or build (`*.slow.test.ts`): `npm run test:slow`, not `npm test`. */
export const slowTestPattern = '**/*.slow.test.ts';

/**
 * The settings every workspace's vitest project shares. A workspace's own
 * `vitest.config.ts` is one line: `export default workspaceProject('name')`.
 *
 * - `@funws/source` makes `@funws/*` imports resolve to TypeScript sources, so
 *   tests never need a build step (published packages resolve to `dist/`).
 * - Browser tests (`*.e2e.test.ts`) are left to `npm run test:e2e`.
 * - Files of a project share a worker's modules (`isolate: false`), so they
 *   must clean up after themselves.
 * - Slow tests (`*.slow.test.ts`: they spawn the CLI, pack the library…) are
 *   left to `npm run test:slow`, through the workspace's `vitest.slow.config.ts`
 *   (see {@link slowTests}), so that `npm test` stays quick.
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
      testTimeout: 15_000,
      hookTimeout: 20_000,
      // A worker runs its files one after another in one module graph instead
      // of importing socket.io, express and zod afresh for every file, which
      // was most of `npm test`'s time. Files must therefore leave nothing
      // behind: every test here closes its servers and sockets (afterEach /
      // afterAll), none mocks modules, and the one helper that sets globals
      // (testkit's `useDocument`) puts them back after its file.
      isolate: false,
      ...test,
      exclude: ['**/node_modules/**', '**/*.e2e.test.ts', slowTestPattern, ...(test.exclude ?? [])],
    },
  });
}

/**
 * The slow tests of a workspace, with its project's settings otherwise: its
 * `vitest.slow.config.ts` is `export default slowTests(project)`, `project`
 * being what its `vitest.config.ts` exports.
 */
export function slowTests(project: UserWorkspaceConfig): UserWorkspaceConfig {
  const test = project.test ?? {};
  return defineProject({
    ...project,
    test: {
      ...test,
      name: `${test.name ?? 'tests'}:slow`,
      include: [slowTestPattern],
      exclude: (test.exclude ?? []).filter((pattern) => pattern !== slowTestPattern),
    },
  });
}

/**
 * A demo's project: `solutions/<name>` and the exercise generated from it,
 * which a learner runs on every save. Like {@link workspaceProject}, except
 * that the test files of a run share one worker and its modules
 * (`isolate: false`): express, socket.io and the DOM load once, not once
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
    // A worker thread starts faster than a child process (about 0.3 s of a
    // learner's 3-s run), and a demo's tests need no process of their own.
    pool: 'threads',
    experimental: { fsModuleCache: true },
    ...test,
  });
}
