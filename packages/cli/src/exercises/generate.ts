import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ExerciseError } from './exercise-error.ts';
import { ruleFor, stepOfTest } from './file-rules.ts';
import { exercisePackageJson } from './package-json.ts';
import { type RegionFill, replaceRegions, type Todo } from './regions.ts';
import { listFiles } from './walk.ts';

/** A TODO and the exercise file it is in. */
export interface PlacedTodo extends Todo {
  file: string;
}

/** An exercise as the generator produces it, still in memory. */
export interface GeneratedExercise {
  name: string;
  /** Exercise-relative path → content, in sorted path order. */
  files: Map<string, Buffer>;
  todos: PlacedTodo[];
  /** Step number → its test files (exercise-relative). */
  stepTests: Map<number, string[]>;
}

/**
 * Builds the exercise of `solutionDir` in memory: every region replaced by a
 * TODO, non-step and browser tests and the solution's README left out, the
 * solution's `exercise/` folder laid over the top (README.md, hints.md).
 * Deterministic: the same solution always gives the same bytes.
 *
 * `fill` (the checker's) may fill the regions of a file instead, with the
 * answer or a wrong answer, to build the exercise as a learner may have it
 * half-way through.
 *
 * @throws ExerciseError for a missing folder or a bad region marker.
 *
 * @example
 * const exercise = generateExercise('solutions/04-broadcast-chat', '04-broadcast-chat');
 * exercise.files.get('src/app.ts')?.toString(); // has `// TODO(step 1): …`
 */
export function generateExercise(
  solutionDir: string,
  name: string,
  fill?: (file: string) => RegionFill | undefined,
): GeneratedExercise {
  if (!existsSync(join(solutionDir, 'package.json'))) {
    throw new ExerciseError(`${solutionDir}: no solution here (no package.json)`);
  }
  const files = new Map<string, Buffer>();
  const overlays = new Map<string, Buffer>();
  const todos: PlacedTodo[] = [];
  for (const path of listFiles(solutionDir)) {
    const rule = ruleFor(path);
    if (rule.kind === 'skip') continue;
    const raw = readFileSync(join(solutionDir, path));
    if (rule.kind === 'overlay') {
      overlays.set(rule.to, rule.text ? toLf(raw) : raw);
      continue;
    }
    if (!rule.text) {
      files.set(rule.to, raw);
      continue;
    }
    const shown = `solutions/${name}/${path}`;
    let text = raw.toString('utf8').replace(/\r\n/g, '\n');
    if (rule.packageJson) text = exercisePackageJson(text, shown);
    if (rule.regions) {
      const replaced = replaceRegions(text, shown, fill?.(rule.to));
      text = replaced.text;
      for (const todo of replaced.todos) todos.push({ ...todo, file: rule.to });
    }
    files.set(rule.to, Buffer.from(text, 'utf8'));
  }
  for (const [path, content] of overlays) files.set(path, content);
  return { name, files: sortMap(files), todos, stepTests: stepTestsOf(files) };
}

function stepTestsOf(files: Map<string, Buffer>): Map<number, string[]> {
  const tests = new Map<number, string[]>();
  for (const path of files.keys()) {
    const step = stepOfTest(path);
    if (step !== undefined) tests.set(step, [...(tests.get(step) ?? []), path]);
  }
  return tests;
}

function toLf(raw: Buffer): Buffer {
  return Buffer.from(raw.toString('utf8').replace(/\r\n/g, '\n'), 'utf8');
}

function sortMap(files: Map<string, Buffer>): Map<string, Buffer> {
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
