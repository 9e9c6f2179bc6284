import { listExercises } from '../learner/exercise-info.ts';
import { runSteps } from '../learner/run-steps.ts';
import { table } from '../util/table.ts';
import { type Context, lessonLine } from './context.ts';

/**
 * `funws verify`: runs every exercise, one after another, prints a summary
 * table, and exits 1 when any step fails.
 */
export async function verifyCommand(ctx: Context): Promise<number> {
  const { c, out } = ctx;
  const rows: string[][] = [['exercise', 'steps', 'result', 'first failing step']];
  let firstFailing: string | undefined;
  for (const exercise of listExercises(ctx.root)) {
    const results = await runSteps(ctx.root, exercise);
    const passed = results.filter((result) => result.passed).length;
    const failing = results.find((result) => !result.passed);
    if (failing) firstFailing ??= exercise.name;
    rows.push([
      exercise.name,
      `${passed}/${results.length}`,
      failing ? c.red('✗ fails') : c.green('✓ passes'),
      failing ? `${failing.step.n}: ${failing.step.title}` : '',
    ]);
  }
  if (rows.length === 1) {
    out('There are no exercises yet (exercises/ is empty). Authors: npm run exercises:generate.');
    return 0;
  }
  out(table(rows));
  out('');
  if (!firstFailing) {
    out(c.green('verify: every step of every exercise passes.'));
    return 0;
  }
  out(`verify: ${rows.length - 1} exercises, not all pass. Next: npx funws watch ${firstFailing}`);
  out(lessonLine(ctx, firstFailing));
  return 1;
}
