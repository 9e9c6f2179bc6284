import { existsSync } from 'node:fs';
import { type Colors, colors } from '../util/colors.ts';
import { table } from '../util/table.ts';
import { checkStructure } from './check-structure.ts';
import { generateAll } from './generate-all.ts';
import { exerciseDir, listPackages, solutionDir } from './layout.ts';
import { type ExerciseVariants, type ProofResult, proveVariants } from './prove.ts';
import { planVariants } from './variants.ts';
import { compareExercise, hasDrift } from './write.ts';
import { readWrongAnswers } from './wrong.ts';

/** How many wrong answers each step records, at least. */
export const MIN_WRONG_ANSWERS = 2;

/** What `exercises:check` found. */
export interface CheckSummary {
  steps: number;
  /** Steps whose test fails on the starter, passes on the solution and passes in order. */
  proven: number;
  wrongAnswers: number;
  /** Wrong answers whose step test fails, in order and with the other steps done. */
  caught: number;
  problems: number;
}

/**
 * The CI check of every exercise (or of `names`): the committed exercise is
 * what the generator makes; it has the right shape (2–5 steps, a TODO, one
 * test with a goal and hints per step, two wrong answers per step, a README
 * with a goal); and every step's test fails on the starter, passes on the
 * solution, passes once the steps up to it are done (a learner going in
 * order), and fails with each recorded wrong answer, both in order and with
 * every other step done. Prints a table through `log`; `problems` is 0 when
 * all is well.
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
    for (const name of listPackages(root, 'exercises')) {
      if (!generated.has(name))
        report(name, `exercises/${name} has no solution with regions in solutions/${name}`);
    }
  }
  const toProve: ExerciseVariants[] = [];
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
    const solution = solutionDir(root, exercise.name);
    const wrong = readWrongAnswers(solution);
    for (const step of exercise.stepTests.keys()) {
      const count = wrong.filter((answer) => answer.step === step).length;
      if (count < MIN_WRONG_ANSWERS) {
        report(
          exercise.name,
          `step ${step} records ${count} wrong answer${count === 1 ? '' : 's'}; record at least ${MIN_WRONG_ANSWERS} mistakes a learner would make, as solutions/${exercise.name}/wrong/step-${step}-<what>.md`,
        );
      }
    }
    if (!existsSync(dir)) continue;
    toProve.push({
      name: exercise.name,
      solutionDir: solution,
      variants: planVariants(solution, exercise, wrong),
    });
  }
  const results = toProve.length ? await proveVariants(root, toProve) : [];
  for (const result of results.filter((candidate) => candidate.outcome !== candidate.expect)) {
    report(result.exercise, explain(result));
  }
  const steps = stepRows(results);
  log('');
  log(
    table([
      ['exercise', 'step', 'test', 'starter', 'solution', 'in order', 'wrong answers'],
      ...steps.map((row) => [
        row.exercise,
        String(row.step),
        row.test,
        mark(row.starter, c),
        mark(row.solution, c),
        mark(row.inOrder, c),
        row.wrong.total ? caughtMark(row.wrong, c) : c.dim('none'),
      ]),
    ]),
  );
  const proven = steps.filter(
    (row) => isRight(row.starter) && isRight(row.solution) && isRight(row.inOrder),
  ).length;
  const answers = wrongAnswers(results);
  const caught = answers.filter((answer) => answer.every(isRight)).length;
  const tail = problems ? `; ${problems} problem${problems === 1 ? '' : 's'}` : '';
  log(
    `\nexercise check: ${steps.length} steps, ${proven} fail before, pass after and pass in order; ` +
      `${answers.length} wrong answers, ${caught} caught in order and with the other steps done${tail}`,
  );
  return { steps: steps.length, proven, wrongAnswers: answers.length, caught, problems };
}

interface StepRow {
  exercise: string;
  step: number;
  test: string;
  starter: ProofResult | undefined;
  solution: ProofResult | undefined;
  inOrder: ProofResult | undefined;
  wrong: { total: number; caught: number };
}

function stepRows(results: ProofResult[]): StepRow[] {
  const rows = new Map<string, StepRow>();
  for (const result of results) {
    const key = `${result.exercise}\u0000${result.test}`;
    const row = rows.get(key) ?? {
      exercise: result.exercise,
      step: result.step,
      test: result.test,
      starter: undefined,
      solution: undefined,
      inOrder: undefined,
      wrong: { total: 0, caught: 0 },
    };
    rows.set(key, row);
    if (result.kind === 'starter') row.starter = result;
    else if (result.kind === 'solution') {
      row.solution = result;
      // The last step done in order is the solution itself.
      row.inOrder ??= result;
    } else if (result.kind === 'in-order') row.inOrder = result;
  }
  for (const answer of wrongAnswers(results)) {
    const first = answer[0];
    if (!first) continue;
    const row = rows.get(`${first.exercise}\u0000${first.test}`);
    if (!row) continue;
    row.wrong.total += 1;
    if (answer.every(isRight)) row.wrong.caught += 1;
  }
  return [...rows.values()];
}

/** The proofs of each wrong answer (per test file), grouped: in order, with the rest. */
function wrongAnswers(results: ProofResult[]): ProofResult[][] {
  const groups = new Map<string, ProofResult[]>();
  for (const result of results) {
    if (!result.wrong) continue;
    const key = `${result.exercise}\u0000${result.wrong.path}\u0000${result.test}`;
    groups.set(key, [...(groups.get(key) ?? []), result]);
  }
  return [...groups.values()];
}

function isRight(result: ProofResult | undefined): boolean {
  return result !== undefined && result.outcome === result.expect;
}

function explain(result: ProofResult): string {
  const where = `step ${result.step} (${result.test})`;
  if (result.outcome === 'missing')
    return `${where} was not run in the ${result.variant} variant (is it excluded by vitest.config.ts?)`;
  switch (result.kind) {
    case 'starter':
      return `${where} passes on the starter: the test does not need the TODO (is the region too small, or the test too loose?)`;
    case 'solution':
      return `${where} fails on the solution`;
    case 'in-order':
      return `${where} fails with steps 1–${result.step} done and the later ones still TODO: does it depend on a later step?`;
    default: {
      const context =
        result.kind === 'wrong-in-order'
          ? 'with the steps before it done and the later ones TODO'
          : 'with every other step done';
      return `${where} passes with the wrong answer ${result.wrong?.path} ("${result.wrong?.title}") ${context}: the test does not catch that mistake`;
    }
  }
}

function mark(result: ProofResult | undefined, c: Colors): string {
  if (!result) return c.dim('–');
  const text =
    result.outcome === 'pass' ? '✓ passes' : result.outcome === 'fail' ? '✗ fails' : '? not run';
  return isRight(result)
    ? c.green(text)
    : c.red(`${text} (should ${result.expect === 'pass' ? 'pass' : 'fail'})`);
}

function caughtMark(wrong: { total: number; caught: number }, c: Colors): string {
  const text = `${wrong.caught}/${wrong.total} caught`;
  return wrong.caught === wrong.total ? c.green(text) : c.red(text);
}
