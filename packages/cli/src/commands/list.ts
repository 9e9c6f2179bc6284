import { listExercises } from '../learner/exercise-info.ts';
import { progressBar } from '../util/progress-bar.ts';
import { loadState } from '../util/state.ts';
import { type Context, currentExercise, isDone, lessonLine, passedSteps } from './context.ts';

/**
 * `funws list` (and plain `funws`): every exercise with its steps, ticked as of
 * their last run, and a progress bar. Runs no tests, so it answers at once.
 */
export function listCommand(ctx: Context): number {
  const { c, out } = ctx;
  const exercises = listExercises(ctx.root);
  if (!exercises.length) {
    out('There are no exercises yet (exercises/ is empty). Authors: npm run exercises:generate.');
    return 0;
  }
  const state = loadState(ctx.root);
  const current = currentExercise(exercises, state);
  const total = exercises.reduce((sum, exercise) => sum + exercise.steps.length, 0);
  const done = exercises.reduce((sum, exercise) => sum + passedSteps(exercise, state).size, 0);
  out(
    `${c.bold('Fun with WebSockets: exercises')}  ${done}/${total} steps  ${progressBar(done, total)}`,
  );
  for (const exercise of exercises) {
    const passed = passedSteps(exercise, state);
    const mark = isDone(exercise, state) ? c.green('✓') : ' ';
    const tag = exercise === current ? c.yellow('  ← current') : '';
    out('');
    out(`${mark} ${c.bold(exercise.name)}  ${passed.size}/${exercise.steps.length}${tag}`);
    for (const step of exercise.steps) {
      const tick = passed.has(step.n) ? c.green('✓') : c.dim('·');
      out(`    ${tick} step ${step.n}  ${step.title}`);
    }
    out(`    ${lessonLine(ctx, exercise.name)}`);
  }
  out('');
  out(
    current
      ? `Next: ${current.name}. Run ${c.bold('npx funws watch')} to work on it, ${c.bold('npx funws hint')} for a hint.`
      : c.green('Every exercise passes. Well done!'),
  );
  out(c.dim('Ticks are from your last run; npx funws verify re-runs every exercise.'));
  return 0;
}
