import type { GeneratedExercise } from './generate.ts';
import { parseHints } from './hints.ts';

/** How many steps an exercise may have: enough to build up, few enough to finish. */
export const MIN_STEPS = 2;
export const MAX_STEPS = 5;

/** A step test opens with its goal, in this many first lines. */
const GOAL_WITHIN_LINES = 10;

/**
 * What is wrong with a generated exercise's shape, as sentences (empty when
 * nothing is): 2–5 steps numbered from 1, a TODO and exactly one test per
 * step, each test opening with `// Goal:`, hints for each step, a README with
 * a goal.
 *
 * @example
 * checkStructure(generateExercise(dir, name)); // → ['step 2 has no hints in exercise/hints.md']
 */
export function checkStructure(exercise: GeneratedExercise): string[] {
  const problems: string[] = [];
  const steps = [...new Set(exercise.todos.map((todo) => todo.step))].sort((a, b) => a - b);
  if (steps.length < MIN_STEPS || steps.length > MAX_STEPS) {
    problems.push(`has ${steps.length} steps; an exercise needs ${MIN_STEPS}–${MAX_STEPS}`);
  }
  steps.forEach((step, index) => {
    if (step !== index + 1) problems.push(`steps should be numbered 1, 2, 3…; found step ${step}`);
  });
  for (const [step, tests] of exercise.stepTests) {
    if (!steps.includes(step)) problems.push(`step ${step} has a test but no region in the code`);
    if (tests.length > 1)
      problems.push(
        `step ${step} has ${tests.length} test files (${tests.join(', ')}); one please`,
      );
    for (const test of tests) {
      const head = text(exercise, test).split('\n').slice(0, GOAL_WITHIN_LINES);
      if (!head.some((line) => /^\s*\/\/\s*Goal:/.test(line))) {
        problems.push(`${test} should open with a "// Goal: …" comment for the learner`);
      }
    }
  }
  const hints = new Map(parseHints(text(exercise, 'hints.md')).map((entry) => [entry.step, entry]));
  if (!exercise.files.has('hints.md')) problems.push('has no exercise/hints.md');
  for (const step of steps) {
    if (!exercise.stepTests.has(step))
      problems.push(`step ${step} has no test/step-${step}-<slug>.test.ts`);
    if (exercise.files.has('hints.md') && !hints.get(step)?.hints.length) {
      problems.push(
        `step ${step} has no hints in exercise/hints.md ("## Step ${step}: …" then "### Hint 1")`,
      );
    }
  }
  for (const step of hints.keys()) {
    if (!steps.includes(step))
      problems.push(`hints.md has hints for step ${step}, which has no region`);
  }
  const readme = text(exercise, 'README.md');
  if (!exercise.files.has('README.md')) problems.push('has no exercise/README.md');
  else if (!/^#{1,3}\s*Goal\b/im.test(readme)) problems.push('README.md needs a "## Goal" section');
  return problems;
}

function text(exercise: GeneratedExercise, path: string): string {
  return exercise.files.get(path)?.toString('utf8') ?? '';
}
