import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stepOfTest } from '../exercises/file-rules.ts';
import { parseHints } from '../exercises/hints.ts';
import { exerciseDir, listPackages } from '../exercises/layout.ts';

/** One step of an exercise, as the learner sees it. */
export interface Step {
  n: number;
  title: string;
  /** Its test file, relative to the exercise folder. */
  test: string;
}

/** An exercise folder: its steps and hints. */
export interface ExerciseInfo {
  name: string;
  dir: string;
  steps: Step[];
  /** Step → its hints, from gentle to explicit. */
  hints: Map<number, string[]>;
}

/**
 * Reads `<root>/exercises/<name>`: steps from `test/step-N-*.test.ts`, titles
 * and hints from `hints.md` (a title falls back to the test's slug).
 *
 * @example
 * readExercise(root, '04-broadcast-chat').steps[0]; // → { n: 1, title: 'Join…', test: 'test/step-1-join.test.ts' }
 */
export function readExercise(root: string, name: string): ExerciseInfo {
  const dir = exerciseDir(root, name);
  const hintsFile = join(dir, 'hints.md');
  const parsed = existsSync(hintsFile) ? parseHints(readFileSync(hintsFile, 'utf8')) : [];
  const titles = new Map(parsed.map((entry) => [entry.step, entry.title]));
  const testDir = join(dir, 'test');
  const tests = existsSync(testDir) ? readdirSync(testDir).map((file) => `test/${file}`) : [];
  const steps = tests
    .flatMap((test) => {
      const n = stepOfTest(test);
      return n === undefined ? [] : [{ n, test, title: titles.get(n) || slugTitle(test) }];
    })
    .sort((a, b) => a.n - b.n);
  return { name, dir, steps, hints: new Map(parsed.map((entry) => [entry.step, entry.hints])) };
}

/**
 * Every exercise of the repo, in folder order.
 *
 * @example
 * listExercises(root).map((exercise) => exercise.name); // → ['01-basic-server', …]
 */
export function listExercises(root: string): ExerciseInfo[] {
  return listPackages(root, 'exercises').map((name) => readExercise(root, name));
}

function slugTitle(test: string): string {
  const slug = /step-\d+-(.+?)(\.dom)?\.test\.ts$/.exec(test)?.[1] ?? test;
  return slug.replace(/-/g, ' ');
}
