import { STEP_FILTER } from '../exercises/file-rules.ts';
import type { FileOutcome } from '../runner/outcome.ts';
import { runVitest } from '../runner/run-once.ts';
import { exerciseState, loadState, saveState } from '../util/state.ts';
import type { ExerciseInfo, Step } from './exercise-info.ts';
import { formatFailure } from './failure.ts';

/** How one step did on the learner's code. */
export interface StepResult {
  step: Step;
  passed: boolean;
  /** The trimmed test output when it failed (vitest's expected/received diff included), else ''. */
  failure: string;
}

/**
 * Runs an exercise's step tests (all, or only `only`) once, in its folder, and
 * records which steps pass in `.funws/state.json`. `onResult` hears of each
 * step as soon as its test file has finished, before the others.
 *
 * @example
 * const results = await runSteps(root, readExercise(root, '04-broadcast-chat'));
 * results.find((result) => !result.passed)?.failure;
 */
export async function runSteps(
  root: string,
  exercise: ExerciseInfo,
  only?: number,
  onResult?: (result: StepResult) => void,
): Promise<StepResult[]> {
  const steps = exercise.steps.filter((step) => only === undefined || step.n === only);
  const filters = only === undefined ? [STEP_FILTER] : steps.map((step) => step.test);
  const onFile = (file: FileOutcome) => {
    const step = steps.find((candidate) => candidate.test === file.file);
    if (step && onResult) onResult(stepResult(exercise, step, file));
  };
  const run = await runVitest(exercise.dir, filters, { onFile });
  const results = stepResults(exercise, run.files, only);
  recordProgress(root, exercise, results);
  return results;
}

/**
 * Each step's result, read from the outcomes of its test file (a step whose
 * file did not run counts as failing, and says so).
 *
 * @example
 * stepResults(exercise, run.files).every((result) => result.passed);
 */
export function stepResults(
  exercise: ExerciseInfo,
  files: ReadonlyMap<string, FileOutcome>,
  only?: number,
): StepResult[] {
  return exercise.steps
    .filter((step) => only === undefined || step.n === only)
    .map((step) => stepResult(exercise, step, files.get(step.test)));
}

function stepResult(
  exercise: ExerciseInfo,
  step: Step,
  outcome: FileOutcome | undefined,
): StepResult {
  const passed = outcome?.passed ?? false;
  const failure = outcome ? formatFailure(outcome, exercise.dir) : `${step.test} did not run.`;
  return { step, passed, failure: passed ? '' : failure };
}

/**
 * Remembers in `.funws/state.json` which of these steps passed, and when.
 *
 * @example
 * recordProgress(root, exercise, results);
 */
export function recordProgress(root: string, exercise: ExerciseInfo, results: StepResult[]): void {
  const state = loadState(root);
  const entry = exerciseState(state, exercise.name);
  const passed = new Set(entry.passed);
  for (const result of results) {
    if (result.passed) passed.add(result.step.n);
    else passed.delete(result.step.n);
  }
  entry.passed = [...passed].sort((a, b) => a - b);
  entry.lastRun = new Date().toISOString();
  saveState(root, state);
}
