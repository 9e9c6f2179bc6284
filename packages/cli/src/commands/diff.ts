import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ruleFor } from '../exercises/file-rules.ts';
import { solutionDir } from '../exercises/layout.ts';
import { stripMarkers } from '../exercises/regions.ts';
import { listFiles } from '../exercises/walk.ts';
import { unifiedDiff } from '../util/line-diff.ts';
import { loadState } from '../util/state.ts';
import {
  type Context,
  isDone,
  lessonLine,
  passedSteps,
  pickExercise,
  UsageError,
} from './context.ts';

/**
 * `funws diff <exercise> [--force]`: the learner's files against the reference
 * solution, as a unified diff. It waits until every step passes (seeing the
 * answer first spoils the exercise), unless --force.
 */
export function diffCommand(ctx: Context): number {
  const { c, out } = ctx;
  if (!ctx.args[0])
    throw new UsageError('Which exercise? Usage: npx funws diff <exercise> [--force]');
  const exercise = pickExercise(ctx, ctx.args[0]);
  const state = loadState(ctx.root);
  if (!ctx.force && !isDone(exercise, state)) {
    const done = passedSteps(exercise, state).size;
    out(
      `Not yet: the diff shows the reference solution, so it waits until every step of ${exercise.name} passes (${done}/${exercise.steps.length} on your last run).`,
    );
    out(
      `Run npx funws test ${exercise.name} to record your progress, npx funws hint ${exercise.name} for a hint,`,
    );
    out(`or npx funws diff ${exercise.name} --force to peek anyway.`);
    return 1;
  }
  const solution = solutionDir(ctx.root, exercise.name);
  if (!existsSync(solution))
    throw new UsageError(
      `There is no reference for ${exercise.name}: solutions/${exercise.name} is missing.`,
    );
  let differs = 0;
  for (const path of listFiles(solution)) {
    const rule = ruleFor(path);
    // Only the code the learner works on: not tests (identical), not package.json (renamed).
    if (rule.kind !== 'copy' || !rule.text || rule.packageJson || /\.test\.ts$/.test(path))
      continue;
    const mine = readIfExists(join(exercise.dir, path));
    const reference = stripMarkers(readFileSync(join(solution, path), 'utf8'));
    const diff = unifiedDiff(
      mine,
      reference,
      `exercises/${exercise.name}/${path} (yours)`,
      `solutions/${exercise.name}/${path} (reference)`,
    );
    if (!diff) continue;
    differs += 1;
    out(colorDiff(ctx, diff));
  }
  out(
    differs
      ? c.dim(`${differs} file(s) differ from the reference.`)
      : c.green('Your files match the reference exactly.'),
  );
  out(lessonLine(ctx, exercise.name));
  return 0;
}

function readIfExists(file: string): string {
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

function colorDiff({ c }: Context, diff: string): string {
  return diff
    .trimEnd()
    .split('\n')
    .map((line) =>
      line.startsWith('+')
        ? c.green(line)
        : line.startsWith('-')
          ? c.red(line)
          : line.startsWith('@@')
            ? c.dim(line)
            : line,
    )
    .join('\n');
}
