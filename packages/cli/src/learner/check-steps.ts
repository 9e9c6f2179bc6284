import { existsSync } from 'node:fs';
import { readExercise } from './exercise-info.ts';
import { runSteps, type StepResult } from './run-steps.ts';

/** One step of a check, in plain data (what the course streams to the page). */
export interface StepReport {
  /** The step's number, from 1. */
  n: number;
  title: string;
  /** Its test file, relative to the exercise folder. */
  test: string;
  passed: boolean;
  /** What the CLI prints for a failing step (expected, received, the hint in the test), or ''. */
  failure: string;
  /** The step's hints from `hints.md`, gentle first. */
  hints: string[];
}

/** The steps a check will run, before any result is known. */
export interface CheckPlan {
  exercise: string;
  steps: Array<Pick<StepReport, 'n' | 'title' | 'test'>>;
}

/** Thrown when `<root>/exercises/<name>` is not an exercise with steps. */
export class UnknownExerciseError extends Error {
  override name = 'UnknownExerciseError';
}

/**
 * Runs every step test of `<root>/exercises/<name>` once on the learner's own
 * code, exactly as `funws test <name>` does (and records the result in
 * `.funws/state.json` as it does), reporting each step through `onStep`, in
 * step order, as soon as it and the steps before it are known. This is the small, stable entry point other
 * workspaces use (the course's "Check my work"); how the runner gets there
 * (one vitest process, a warm one) may change behind it.
 *
 * @throws UnknownExerciseError when the folder is missing or has no step tests.
 *
 * @example
 * const reports = await checkSteps(root, '04-broadcast-chat', {
 *   onPlan: (plan) => console.log(`${plan.steps.length} steps`),
 *   onStep: (step) => console.log(step.passed ? '✓' : '✗', step.n, step.title),
 * });
 */
export async function checkSteps(
  root: string,
  name: string,
  listeners: {
    onPlan?: (plan: CheckPlan) => void;
    onStep?: (report: StepReport) => void;
  } = {},
): Promise<StepReport[]> {
  const exercise = readExercise(root, name);
  if (!existsSync(exercise.dir) || exercise.steps.length === 0) {
    throw new UnknownExerciseError(
      `exercises/${name} is not an exercise with step tests (looked in ${exercise.dir}).`,
    );
  }
  listeners.onPlan?.({
    exercise: name,
    steps: exercise.steps.map(({ n, title, test }) => ({ n, title, test })),
  });
  const toReport = ({ step, passed, failure }: StepResult): StepReport => ({
    n: step.n,
    title: step.title,
    test: step.test,
    passed,
    failure,
    hints: exercise.hints.get(step.n) ?? [],
  });
  // Steps are reported in order, each as soon as it and every step before it
  // have finished (files run in parallel, so step 3 may end before step 1); a
  // step whose file never reported (it did not run) is reported from the run's end.
  const known = new Map<number, StepReport>();
  let next = 0;
  const flush = () => {
    for (let step = exercise.steps[next]; step && known.has(step.n); step = exercise.steps[next]) {
      listeners.onStep?.(known.get(step.n) as StepReport);
      next++;
    }
  };
  const results = await runSteps(root, exercise, undefined, (result) => {
    known.set(result.step.n, toReport(result));
    flush();
  });
  const reports = results.map(toReport);
  for (const each of reports) if (!known.has(each.n)) known.set(each.n, each);
  flush();
  return reports;
}
