import { runSteps } from '../learner/run-steps.ts';
import { type Context, pickExercise, UsageError } from './context.ts';
import { printResults, printSuccess } from './print-results.ts';

/** `funws test [exercise] [--step N]`: runs an exercise's steps (or one) once. */
export async function testCommand(ctx: Context): Promise<number> {
  const exercise = pickExercise(ctx, ctx.args[0]);
  if (ctx.step !== undefined && !exercise.steps.some((step) => step.n === ctx.step)) {
    throw new UsageError(`${exercise.name} has no step ${ctx.step}.`);
  }
  const results = await runSteps(ctx.root, exercise, ctx.step);
  printResults(ctx, exercise, results);
  const passed = results.every((result) => result.passed);
  if (passed && ctx.step === undefined) printSuccess(ctx, exercise, results.length);
  return passed ? 0 : 1;
}
