import type { ExerciseInfo } from '../learner/exercise-info.ts';
import { whatNext } from '../learner/next-steps.ts';
import type { StepResult } from '../learner/run-steps.ts';
import { type Context, lessonLine } from './context.ts';

/**
 * Prints a run: one line per step, then the output of the first failing step
 * only, because fixing steps in order is the point.
 *
 * @example
 * printResults(ctx, exercise, await runSteps(ctx.root, exercise));
 */
export function printResults(ctx: Context, exercise: ExerciseInfo, results: StepResult[]): void {
  const { c, out } = ctx;
  const passed = results.filter((result) => result.passed).length;
  out(`${c.bold(exercise.name)}  ${passed}/${results.length} steps pass`);
  for (const result of results) {
    const tick = result.passed ? c.green('✓') : c.red('✗');
    out(`  ${tick} step ${result.step.n}  ${result.step.title}`);
  }
  const failing = results.find((result) => !result.passed);
  if (failing) {
    out('');
    out(c.red(`Step ${failing.step.n} fails (${failing.step.test}):`));
    out(failing.failure);
    out('');
    out(
      c.dim(
        `Look for TODO(step ${failing.step.n}) in ${exercise.name}. A hint: npx funws hint ${exercise.name}`,
      ),
    );
  }
  out(lessonLine(ctx, exercise.name));
}

/**
 * Prints the success of a whole exercise and what to do next: compare with the
 * reference, run it, read the lesson.
 *
 * @example
 * if (results.every((result) => result.passed)) printSuccess(ctx, exercise, results.length);
 */
export function printSuccess(ctx: Context, exercise: ExerciseInfo, steps: number): void {
  const { c, out } = ctx;
  out('');
  out(c.green(`✓ All ${steps} steps of ${exercise.name} pass!`));
  out('');
  out('What next:');
  const next = whatNext(exercise.name, ctx.courseUrl);
  const width = Math.max(...next.map(([command]) => command.length));
  for (const [command, what] of next) out(`  ${command.padEnd(width)}  ${c.dim(what)}`);
}
