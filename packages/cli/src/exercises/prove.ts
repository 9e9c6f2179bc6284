import { rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { VitestRun } from '../runner/outcome.ts';
import { runVitest } from '../runner/run-once.ts';
import { exerciseDir } from './layout.ts';
import { writeRelocated } from './relocate.ts';
import type { ProofCase, Variant } from './variants.ts';

/** A step test's outcome in one variant: passed, failed, or not found at all. */
export type Outcome = 'pass' | 'fail' | 'missing';

/** One proof: a test, the variant it ran in, what it had to do and what it did. */
export interface ProofResult extends ProofCase {
  exercise: string;
  variant: string;
  outcome: Outcome;
}

/** An exercise's variants and where its solution (and its vitest config) live. */
export interface ExerciseVariants {
  name: string;
  solutionDir: string;
  variants: Variant[];
}

/**
 * Writes every variant of every exercise under `<root>/.funws/check-<pid>/`
 * and runs all their tests in ONE vitest process (a project per exercise,
 * built from the exercise's own vitest config, modules shared between test
 * files), then says how each test did. The folder is removed afterwards.
 *
 * @example
 * const results = await proveVariants(root, [{ name, solutionDir, variants }]);
 * results.filter((result) => result.outcome !== result.expect);
 */
export async function proveVariants(
  root: string,
  exercises: ExerciseVariants[],
): Promise<ProofResult[]> {
  const dir = join(root, '.funws', `check-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  try {
    for (const exercise of exercises) {
      for (const variant of exercise.variants) {
        writeRelocated(
          variant.files,
          join(dir, exercise.name, variant.name),
          exerciseDir(root, exercise.name),
        );
      }
    }
    const config = join(dir, 'vitest.config.mjs');
    writeFileSync(config, configSource(dir, exercises));
    const run = await runVitest(dir, [], { config });
    return exercises.flatMap((exercise) =>
      exercise.variants.flatMap((variant) =>
        variant.cases.map((proof) => ({
          ...proof,
          exercise: exercise.name,
          variant: variant.name,
          outcome: outcomeOf(run, `${exercise.name}/${variant.name}/${proof.test}`),
        })),
      ),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The config of the proving run: one project per exercise, each its own
 * vitest config with the root moved to its variants and only the proofs'
 * test files included. Modules are shared between test files (no isolation):
 * express and socket.io load once per worker, not once per variant.
 */
function configSource(dir: string, exercises: ExerciseVariants[]): string {
  const imports = exercises.map(
    (exercise, index) =>
      `import base${index} from ${JSON.stringify(join(exercise.solutionDir, 'vitest.config.ts'))};`,
  );
  const projects = exercises.map((exercise, index) => {
    const include = exercise.variants.flatMap((variant) =>
      [...new Set(variant.cases.map((proof) => proof.test))].map(
        (test) => `${variant.name}/${test}`,
      ),
    );
    const root = join(dir, exercise.name);
    return `project(base${index}, ${JSON.stringify(exercise.name)}, ${JSON.stringify(root)}, ${JSON.stringify(include)})`;
  });
  const workers = Math.max(1, Math.min(2, availableParallelism()));
  return `// Written by exercises:check for one run, then removed.
${imports.join('\n')}

function project(base, name, root, include) {
  return {
    ...base,
    root,
    // Variants live in a folder of their own each run: nothing to reuse from a disk cache.
    test: {
      ...base.test,
      name,
      include,
      isolate: false,
      experimental: { ...base.test?.experimental, fsModuleCache: false },
    },
  };
}

export default {
  test: {
    maxWorkers: ${workers},
    projects: [
      ${projects.join(',\n      ')},
    ],
  },
};
`;
}

function outcomeOf(run: VitestRun, file: string): Outcome {
  const found = run.files.get(file);
  if (!found) return 'missing';
  return found.passed ? 'pass' : 'fail';
}
