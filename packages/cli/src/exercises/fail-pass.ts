import { runVitest, type VitestRun } from './vitest-run.ts';

/** A step test's outcome on one side: passed, failed, or not found at all. */
export type Outcome = 'pass' | 'fail' | 'missing';

/** One row of the fail-before/pass-after proof. */
export interface FailPassRow {
  exercise: string;
  step: number;
  test: string;
  starter: Outcome;
  solution: Outcome;
}

/** Vitest's file filter for step tests, as on its command line. */
export const STEP_FILTER = 'test/step-';

/**
 * Runs the step tests once in the exercise (the starter) and once in the
 * solution, side by side, and says for each step test how it went on each
 * side. A step is proven when its test fails on the starter and passes on the
 * solution.
 *
 * @example
 * const rows = await failPass('04-chat', 'exercises/04-chat', 'solutions/04-chat', tests);
 * rows.every(isProven);
 */
export async function failPass(
  exercise: string,
  exerciseDir: string,
  solutionDir: string,
  stepTests: Map<number, string[]>,
): Promise<FailPassRow[]> {
  const [starter, solution] = await Promise.all([
    runVitest(exerciseDir, [STEP_FILTER]),
    runVitest(solutionDir, [STEP_FILTER]),
  ]);
  const rows: FailPassRow[] = [];
  for (const [step, tests] of [...stepTests].sort(([a], [b]) => a - b)) {
    for (const test of tests) {
      rows.push({
        exercise,
        step,
        test,
        starter: outcome(starter, test),
        solution: outcome(solution, test),
      });
    }
  }
  return rows;
}

/** True when a step's test fails before and passes after. */
export function isProven(row: FailPassRow): boolean {
  return row.starter === 'fail' && row.solution === 'pass';
}

function outcome(run: VitestRun, test: string): Outcome {
  const file = run.files.get(test);
  if (!file) return 'missing';
  return file.passed ? 'pass' : 'fail';
}
