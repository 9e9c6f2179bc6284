import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { courseDir, repoDir } from '../../server/build.ts';

/** A throwaway repository holding copies of some exercises, for "Check my work" to run. */
export interface ExerciseCopy {
  root: string;
  /** Puts the reference solution's `src/` over the copy of `exercise`: every step passes. */
  solve(exercise: string): void;
  remove(): void;
}

/**
 * Copies `exercises/<name>` (and the vitest settings their config imports)
 * into `course/.tmp/<random>/`, inside the workspace so that vitest and every
 * dependency resolve through the repository's node_modules. The committed
 * exercises are never touched.
 */
export function copyExercises(...names: string[]): ExerciseCopy {
  const root = join(
    courseDir,
    '.tmp',
    `cells-${process.pid}-${Math.random().toString(36).slice(2, 8)}`,
  );
  mkdirSync(join(root, 'exercises'), { recursive: true });
  // What an exercise's vitest.config.ts and tsconfig.json reach for, two folders up.
  for (const file of ['vitest.shared.ts', 'tsconfig.base.json']) {
    cpSync(join(repoDir, file), join(root, file));
  }
  for (const name of names) {
    cpSync(join(repoDir, 'exercises', name), join(root, 'exercises', name), {
      recursive: true,
      filter: (path) => !path.includes('node_modules'),
    });
  }
  return {
    root,
    solve(exercise) {
      cpSync(
        join(repoDir, 'solutions', exercise, 'src'),
        join(root, 'exercises', exercise, 'src'),
        {
          recursive: true,
        },
      );
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
