/**
 * Exercises from solutions: the generator, its rules, and the CI check. Used by
 * the `funws` CLI and by `npm run exercises:generate` / `exercises:check`.
 *
 * @module
 */

export type { FileOutcome, TestFailure, TestOutcome, VitestRun } from '../runner/outcome.ts';
export { stripAnsi } from '../runner/outcome.ts';
export { runVitest } from '../runner/run-once.ts';
export type { CheckSummary } from './check-all.ts';
export { checkAll, MIN_WRONG_ANSWERS } from './check-all.ts';
export { checkStructure, MAX_STEPS, MIN_STEPS } from './check-structure.ts';
export { ExerciseError, isExerciseError } from './exercise-error.ts';
export type { FileRule } from './file-rules.ts';
export { ruleFor, STEP_FILTER, stepOfTest, WRONG_DIR } from './file-rules.ts';
export type { GeneratedExercise, PlacedTodo } from './generate.ts';
export { generateExercise } from './generate.ts';
export { generateAll, writeAll } from './generate-all.ts';
export type { StepHints } from './hints.ts';
export { parseHints } from './hints.ts';
export { exerciseDir, lessonUrl, listPackages, solutionDir } from './layout.ts';
export { exercisePackageJson } from './package-json.ts';
export type { ExerciseVariants, Outcome, ProofResult } from './prove.ts';
export { proveVariants } from './prove.ts';
export type { Region, RegionFill, ReplacedRegions, Todo } from './regions.ts';
export { replaceRegions, stripMarkers } from './regions.ts';
export { writeRelocated } from './relocate.ts';
export type { ProofCase, ProofKind, StepState, Variant } from './variants.ts';
export { buildVariant, planVariants } from './variants.ts';
export { listFiles } from './walk.ts';
export type { Drift } from './write.ts';
export { compareExercise, hasDrift, writeExercise } from './write.ts';
export type { WrongAnswer } from './wrong.ts';
export { parseWrongAnswer, readWrongAnswers } from './wrong.ts';
