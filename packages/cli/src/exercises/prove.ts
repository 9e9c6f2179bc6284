import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { VitestRun } from '../runner/outcome.ts';
import { runVitest } from '../runner/run-once.ts';
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
        writeVariant(root, exercise.name, variant, join(dir, exercise.name, variant.name));
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
 * Writes a variant's files. A relative `extends` in its tsconfig.json pointed
 * from `exercises/<name>/`; it is rewritten to point from the variant's folder.
 */
function writeVariant(root: string, name: string, variant: Variant, target: string): void {
  for (const [path, content] of variant.files) {
    const file = join(target, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(
      file,
      path === 'tsconfig.json' ? moveTsconfig(content, root, name, target) : content,
    );
  }
}

function moveTsconfig(content: Buffer, root: string, name: string, target: string): Buffer {
  try {
    const parsed = JSON.parse(content.toString('utf8')) as { extends?: unknown };
    if (typeof parsed.extends !== 'string' || !parsed.extends.startsWith('.')) return content;
    const original = resolve(root, 'exercises', name, parsed.extends);
    parsed.extends = relative(target, original).split(sep).join('/');
    return Buffer.from(JSON.stringify(parsed, null, 2));
  } catch {
    return content;
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
    test: { ...base.test, name, include, isolate: false },
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
