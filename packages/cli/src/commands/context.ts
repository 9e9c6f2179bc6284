import { isAbsolute, join, relative, sep } from 'node:path';
import { lessonUrl } from '../exercises/layout.ts';
import { type ExerciseInfo, listExercises } from '../learner/exercise-info.ts';
import type { Colors } from '../util/colors.ts';
import { exerciseState, loadState, type State } from '../util/state.ts';

/** What every command gets: where the repo is, how to print, and the parsed options. */
export interface Context {
  root: string;
  c: Colors;
  out: (line?: string) => void;
  /** Positional arguments after the command name. */
  args: string[];
  step: number | undefined;
  force: boolean;
  /** The course's address: the running course's (see `courseUrl`), else `npm start`'s default. */
  courseUrl: string;
  /** The folder the learner ran the command in; inside an exercise, that exercise is the default. */
  cwd?: string;
}

/** A friendly refusal: printed as is, exit code 1, no stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * The exercise a command is about: the one named (a unique prefix such as
 * `04` will do), else the one whose folder the command was run in
 * (`ctx.cwd`), else the current one (the first not yet done).
 *
 * @throws UsageError listing the exercises when the name matches none.
 *
 * @example
 * pickExercise(ctx, '04').name; // → '04-broadcast-chat'
 */
export function pickExercise(ctx: Context, name: string | undefined): ExerciseInfo {
  const exercises = listExercises(ctx.root);
  if (!exercises.length) {
    throw new UsageError(
      'There are no exercises yet (exercises/ is empty). Authors: npm run exercises:generate.',
    );
  }
  if (name === undefined) {
    return (
      exerciseAround(ctx, exercises) ??
      currentExercise(exercises, loadState(ctx.root)) ??
      (exercises.at(-1) as ExerciseInfo)
    );
  }
  const exact = exercises.find((exercise) => exercise.name === name);
  const byPrefix = exercises.filter((exercise) => exercise.name.startsWith(name));
  const found = exact ?? (byPrefix.length === 1 ? byPrefix[0] : undefined);
  if (!found) {
    const names = exercises.map((exercise) => `  ${exercise.name}`).join('\n');
    throw new UsageError(`No exercise called "${name}". The exercises are:\n${names}`);
  }
  return found;
}

/** The exercise whose folder (or a folder inside it) is `ctx.cwd`, if any. */
function exerciseAround(ctx: Context, exercises: ExerciseInfo[]): ExerciseInfo | undefined {
  if (ctx.cwd === undefined) return undefined;
  const [folder, ...rest] = relative(join(ctx.root, 'exercises'), ctx.cwd).split(sep);
  if (!folder || folder === '..' || isAbsolute(folder) || rest.includes('..')) return undefined;
  return exercises.find((exercise) => exercise.name === folder);
}

/**
 * The first exercise with a step not yet passed on its last run, if any.
 *
 * @example
 * currentExercise(listExercises(root), loadState(root))?.name;
 */
export function currentExercise(exercises: ExerciseInfo[], state: State): ExerciseInfo | undefined {
  return exercises.find((exercise) => !isDone(exercise, state));
}

/**
 * True when every step of `exercise` passed on its last run.
 *
 * @example
 * isDone(readExercise(root, '00-echo'), loadState(root)); // → false
 */
export function isDone(exercise: ExerciseInfo, state: State): boolean {
  const passed = new Set(state.exercises[exercise.name]?.passed ?? []);
  return exercise.steps.length > 0 && exercise.steps.every((step) => passed.has(step.n));
}

/**
 * The steps of `exercise` that passed on its last run.
 *
 * @example
 * passedSteps(exercise, state); // → Set { 1 }
 */
export function passedSteps(exercise: ExerciseInfo, state: State): Set<number> {
  return new Set(exerciseState(state, exercise.name).passed);
}

/**
 * The "lesson: <url>" line printed under an exercise.
 *
 * @example
 * lessonLine(ctx, '04-broadcast-chat'); // → 'lesson: http://localhost:4321/lessons/<its lesson>/'
 */
export function lessonLine(ctx: Context, name: string): string {
  return ctx.c.dim(`lesson: ${lessonUrl(name, ctx.courseUrl)}`);
}
