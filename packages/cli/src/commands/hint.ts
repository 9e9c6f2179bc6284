import { exerciseState, loadState, saveState } from '../util/state.ts';
import { type Context, lessonLine, pickExercise, UsageError } from './context.ts';

/**
 * `funws hint [exercise] [--step N]`: the next hint of the first step not
 * passed on the last run (or of step N). One more hint each call, gentle
 * first; the count is remembered in the state file.
 */
export function hintCommand(ctx: Context): number {
  const { c, out } = ctx;
  const exercise = pickExercise(ctx, ctx.args[0]);
  const state = loadState(ctx.root);
  const entry = exerciseState(state, exercise.name);
  const passed = new Set(entry.passed);
  const step =
    ctx.step !== undefined
      ? exercise.steps.find((candidate) => candidate.n === ctx.step)
      : exercise.steps.find((candidate) => !passed.has(candidate.n));
  if (ctx.step !== undefined && !step) {
    throw new UsageError(
      `${exercise.name} has no step ${ctx.step}; its steps are ${exercise.steps.map((s) => s.n).join(', ')}.`,
    );
  }
  if (!step) {
    out(c.green(`Every step of ${exercise.name} passed on your last run: no hint needed.`));
    out(`Compare with the reference: npx funws diff ${exercise.name}`);
    return 0;
  }
  const hints = exercise.hints.get(step.n) ?? [];
  if (!hints.length) {
    out(
      `Step ${step.n} of ${exercise.name} has no hints. Its test, ${step.test}, says what it expects.`,
    );
    return 0;
  }
  const seen = entry.hintsShown[String(step.n)] ?? 0;
  const index = Math.min(seen, hints.length - 1);
  entry.hintsShown[String(step.n)] = index + 1;
  saveState(ctx.root, state);
  out(c.bold(`${exercise.name}, step ${step.n}: ${step.title}`));
  out(c.yellow(`Hint ${index + 1} of ${hints.length}`));
  out('');
  out(hints[index]);
  out('');
  out(
    index + 1 < hints.length
      ? c.dim('Ask again for the next, more explicit hint.')
      : c.dim(
          `That was the last hint. Stuck? npx funws diff ${exercise.name} --force shows the reference.`,
        ),
  );
  out(lessonLine(ctx, exercise.name));
  return 0;
}
