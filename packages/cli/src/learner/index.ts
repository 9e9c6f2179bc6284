/**
 * The learner's side of the exercises, for other workspaces (the course's
 * exercise cell and "Check my work"): reading an exercise folder and running
 * its step tests as `funws test` does.
 *
 * @module
 */

export type { CheckPlan, StepReport } from './check-steps.ts';
export { checkSteps, UnknownExerciseError } from './check-steps.ts';
export type { ExerciseInfo, Step } from './exercise-info.ts';
export { listExercises, readExercise } from './exercise-info.ts';
