/**
 * Exercises from solutions: the generator, its rules, and the CI check. Used by
 * the `funws` CLI and by `npm run exercises:generate` / `exercises:check`.
 *
 * @module
 */

export type { CheckSummary } from './check-all.ts';
export { checkAll } from './check-all.ts';
export { checkStructure, MAX_STEPS, MIN_STEPS } from './check-structure.ts';
export { ExerciseError, isExerciseError } from './exercise-error.ts';
export type { FailPassRow, Outcome } from './fail-pass.ts';
export { failPass, isProven, STEP_FILTER } from './fail-pass.ts';
export type { FileRule } from './file-rules.ts';
export { ruleFor, stepOfTest } from './file-rules.ts';
export type { GeneratedExercise, PlacedTodo } from './generate.ts';
export { generateExercise } from './generate.ts';
export { generateAll, writeAll } from './generate-all.ts';
export type { StepHints } from './hints.ts';
export { parseHints } from './hints.ts';
export { exerciseDir, lessonUrl, listPackages, solutionDir } from './layout.ts';
export { exercisePackageJson } from './package-json.ts';
export type { ReplacedRegions, Todo } from './regions.ts';
export { replaceRegions, stripMarkers } from './regions.ts';
export type { FileOutcome, TestOutcome, VitestRun } from './vitest-run.ts';
export { runVitest, stripAnsi } from './vitest-run.ts';
export { listFiles } from './walk.ts';
export type { Drift } from './write.ts';
export { compareExercise, hasDrift, writeExercise } from './write.ts';
