/**
 * The learner's side of `funws`, for other tools that run exercises (the
 * course's "Check my work"): read an exercise, run its step tests once or on
 * every save, and format a failure the way the CLI prints it.
 *
 * The generator and the checker are in `@funws/cli/exercises`.
 *
 * @module
 */
export type { ExerciseInfo, Step } from './learner/exercise-info.ts';
export { listExercises, readExercise } from './learner/exercise-info.ts';
export { formatFailure } from './learner/failure.ts';
export type { StepResult } from './learner/run-steps.ts';
export { runSteps } from './learner/run-steps.ts';
export type {
  FileOutcome,
  TestFailure,
  TestOutcome,
  VitestRun,
} from './runner/outcome.ts';
export { runVitest } from './runner/run-once.ts';
export { findRoot } from './util/root.ts';
