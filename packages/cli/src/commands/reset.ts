import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { generateExercise } from '../exercises/generate.ts';
import { solutionDir } from '../exercises/layout.ts';
import { listFiles } from '../exercises/walk.ts';
import { writeExercise } from '../exercises/write.ts';
import { loadState, saveState } from '../util/state.ts';
import { type Context, lessonLine, pickExercise, UsageError } from './context.ts';

/**
 * `funws reset <exercise>`: moves the learner's files to
 * `.funws/backups/<exercise>-<time>/` (nothing is ever deleted), regenerates
 * the starter from the solution, and forgets that exercise's progress.
 */
export function resetCommand(ctx: Context): number {
  const { c, out } = ctx;
  if (!ctx.args[0]) throw new UsageError('Which exercise? Usage: npx funws reset <exercise>');
  const exercise = pickExercise(ctx, ctx.args[0]);
  const solution = solutionDir(ctx.root, exercise.name);
  if (!existsSync(solution))
    throw new UsageError(`Cannot reset ${exercise.name}: solutions/${exercise.name} is missing.`);
  const starter = generateExercise(solution, exercise.name);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const backup = join(ctx.root, '.funws', 'backups', `${exercise.name}-${stamp}`);
  for (const path of listFiles(exercise.dir)) {
    mkdirSync(dirname(join(backup, path)), { recursive: true });
    renameSync(join(exercise.dir, path), join(backup, path));
  }
  writeExercise(starter, exercise.dir);
  const state = loadState(ctx.root);
  delete state.exercises[exercise.name];
  saveState(ctx.root, state);
  out(c.green(`${exercise.name} is back to its starter code.`));
  out(`Your files are in ${relative(ctx.root, backup)}/`);
  out(lessonLine(ctx, exercise.name));
  return 0;
}
