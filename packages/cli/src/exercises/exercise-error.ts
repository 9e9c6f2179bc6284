/**
 * A problem in how a solution marks its exercise: a bad region marker, a
 * missing solution folder. The message names the file and line to fix.
 */
export class ExerciseError extends Error {
  override name = 'ExerciseError';
}

/**
 * True for an {@link ExerciseError}, also one from another copy of this module.
 *
 * @example
 * try { generate() } catch (error) { if (isExerciseError(error)) console.error(error.message) }
 */
export function isExerciseError(value: unknown): value is ExerciseError {
  return value instanceof Error && value.name === 'ExerciseError';
}
