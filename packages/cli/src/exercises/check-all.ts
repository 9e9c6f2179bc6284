import { existsSync } from 'node:fs';
import { type Colors, colors } from '../util/colors.ts';
import { table } from '../util/table.ts';
import { checkStructure } from './check-structure.ts';
import { type FailPassRow, failPass, isProven, type Outcome } from './fail-pass.ts';
import { generateAll } from './generate-all.ts';
import { exerciseDir, listPackages, solutionDir } from './layout.ts';
import { compareExercise, hasDrift } from './write.ts';

/** What `exercises:check` found. */
export interface CheckSummary {
  steps: number;
  proven: number;
  problems: number;
}

/**
 * The CI check of every exercise (or of `names`): the committed exercise is
 * what the generator makes, it has the right shape (2–5 steps, a TODO, one
 * test with a goal and hints per step, a README with a goal), and every step's
 * test fails on the starter and passes on the solution. Prints a table through
 * `log`; `problems` is 0 when all is well.
 *
 * @example
 * const summary = await checkAll('/work/main');
 * process.exitCode = summary.problems ? 1 : 0;
 */
export async function checkAll(
  root: string,
  names: string[] = [],
  log = console.log,
): Promise<CheckSummary> {
  const c = colors();
  const exercises = generateAll(root, names);
  const rows: FailPassRow[] = [];
  let problems = 0;
  const report = (name: string, problem: string) => {
    problems += 1;
    log(`${c.red('✗')} ${name}: ${problem}`);
  };
  const generated = new Set(exercises.map((exercise) => exercise.name));
  for (const name of names.length ? names : listPackages(root, 'solutions')) {
    if (!generated.has(name))
      log(c.dim(`note: solutions/${name} marks no "#region step-N" yet, so it has no exercise`));
  }
  if (!names.length) {
    const expected = new Set(exercises.map((exercise) => exercise.name));
    for (const name of listPackages(root, 'exercises')) {
      if (!expected.has(name))
        report(name, `exercises/${name} has no solution with regions in solutions/${name}`);
    }
  }
  for (const exercise of exercises) {
    const dir = exerciseDir(root, exercise.name);
    for (const problem of checkStructure(exercise)) report(exercise.name, problem);
    const drift = compareExercise(exercise, dir);
    if (hasDrift(drift)) {
      const files = [
        ...drift.changed.map((file) => `${file} (differs)`),
        ...drift.missing.map((file) => `${file} (missing from exercises/${exercise.name})`),
        ...drift.extra.map((file) => `${file} (not in the solution)`),
      ];
      report(
        exercise.name,
        `exercises/${exercise.name} is not what the generator makes; run npm run exercises:generate\n    ${files.join('\n    ')}`,
      );
    }
    if (!existsSync(dir)) continue;
    const proof = await failPass(
      exercise.name,
      dir,
      solutionDir(root, exercise.name),
      exercise.stepTests,
    );
    rows.push(...proof);
    for (const row of proof.filter((row) => !isProven(row))) {
      report(exercise.name, `step ${row.step} (${row.test}) ${explain(row)}`);
    }
  }
  log('');
  log(
    table([
      ['exercise', 'step', 'test', 'starter', 'solution'],
      ...rows.map((row) => [
        row.exercise,
        String(row.step),
        row.test,
        mark(row.starter, 'fail', c),
        mark(row.solution, 'pass', c),
      ]),
    ]),
  );
  const proven = rows.filter(isProven).length;
  const tail = problems ? `; ${problems} problem${problems === 1 ? '' : 's'}` : '';
  log(`\nexercise check: ${rows.length} steps, ${proven} fail before and pass after${tail}`);
  return { steps: rows.length, proven, problems };
}

function explain(row: FailPassRow): string {
  const why: string[] = [];
  if (row.starter === 'pass')
    why.push(
      'passes on the starter: the test does not need the TODO (is the region too small, or the test too loose?)',
    );
  if (row.solution === 'fail') why.push('fails on the solution');
  if (row.starter === 'missing' || row.solution === 'missing')
    why.push('was not run (is it excluded by vitest.config.ts?)');
  return why.join('; ');
}

function mark(outcome: Outcome, wanted: Outcome, c: Colors): string {
  const text = outcome === 'pass' ? '✓ passes' : outcome === 'fail' ? '✗ fails' : '? not run';
  return outcome === wanted
    ? c.green(text)
    : c.red(`${text} (should ${wanted === 'pass' ? 'pass' : 'fail'})`);
}
