/**
 * The learner's side of `funws`, for other tools that run exercises (the
 * course's "Check my work"): read an exercise, run its step tests once or on
 * every save, and format a failure the way the CLI prints it.
 *
 * The generator and the checker are in `@funws/cli/exercises`.
 *
 * @module
 */
export { DEFAULT_COURSE_URL, lessonUrl } from './exercises/layout.ts';
export { courseRecordPath, courseUrl, recordCourse } from './learner/course-url.ts';
export type { ExerciseInfo, Step } from './learner/exercise-info.ts';
export { listExercises, readExercise } from './learner/exercise-info.ts';
export { formatFailure } from './learner/failure.ts';
export { whatNext } from './learner/next-steps.ts';
export type { StepResult } from './learner/run-steps.ts';
export { recordProgress, runSteps, stepResults } from './learner/run-steps.ts';
export type {
  FileOutcome,
  TestFailure,
  TestOutcome,
  VitestRun,
} from './runner/outcome.ts';
export { runVitest } from './runner/run-once.ts';
export type { VitestWatch, WatchEvents } from './runner/watch.ts';
export { watchVitest } from './runner/watch.ts';
export { findRoot } from './util/root.ts';
