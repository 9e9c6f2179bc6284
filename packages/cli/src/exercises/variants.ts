import { ExerciseError } from './exercise-error.ts';
import { type GeneratedExercise, generateExercise } from './generate.ts';
import type { RegionFill } from './regions.ts';
import type { WrongAnswer } from './wrong.ts';

/** What a step's region holds in a variant: its TODO, its answer, or a wrong answer. */
export type StepState = 'todo' | 'answer' | WrongAnswer;

/**
 * Why a test runs in a variant, and what it must do there:
 * - `starter`: every step still TODO, the test fails;
 * - `solution`: every step answered, the test passes;
 * - `in-order`: the steps up to this one answered, later ones TODO (a learner
 *   going step by step), the test passes;
 * - `wrong-in-order` / `wrong-with-rest`: this step answered wrongly, with the
 *   steps before it answered and later ones TODO, or with every other step
 *   answered; the test fails either way.
 */
export type ProofKind = 'starter' | 'solution' | 'in-order' | 'wrong-in-order' | 'wrong-with-rest';

/** One step test to run in one variant, and the outcome it must have. */
export interface ProofCase {
  kind: ProofKind;
  step: number;
  /** Exercise-relative: `test/step-2-refuse-bad-text.test.ts`. */
  test: string;
  expect: 'pass' | 'fail';
  wrong?: WrongAnswer;
}

/** An exercise as a learner may have it part-way, and the tests to run in it. */
export interface Variant {
  /** A folder name: `starter`, `in-order-2`, `wrong-2-no-return-in-order`… */
  name: string;
  files: Map<string, Buffer>;
  cases: ProofCase[];
}

/**
 * Every variant `exercises:check` runs for one exercise: the starter, the
 * solution, each step done in order, and each wrong answer in order and with
 * the other steps done (once when those are the same, for the last step).
 *
 * @throws ExerciseError when a wrong answer names a step or file without that region.
 *
 * @example
 * planVariants('solutions/04-broadcast-chat', exercise, readWrongAnswers('solutions/04-broadcast-chat'));
 */
export function planVariants(
  solutionDir: string,
  exercise: GeneratedExercise,
  wrongAnswers: WrongAnswer[],
): Variant[] {
  const steps = [...exercise.stepTests.keys()].sort((a, b) => a - b);
  const last = steps.at(-1) ?? 0;
  const testsOf = (step: number) => exercise.stepTests.get(step) ?? [];
  const build = (state: (step: number) => StepState) =>
    buildVariant(solutionDir, exercise.name, steps, state);
  const variants: Variant[] = [
    {
      name: 'starter',
      files: exercise.files,
      cases: steps.flatMap((step) =>
        testsOf(step).map((test) => ({
          kind: 'starter' as const,
          step,
          test,
          expect: 'fail' as const,
        })),
      ),
    },
    {
      name: 'solution',
      files: build(() => 'answer'),
      cases: steps.flatMap((step) =>
        testsOf(step).map((test) => ({
          kind: 'solution' as const,
          step,
          test,
          expect: 'pass' as const,
        })),
      ),
    },
  ];
  for (const step of steps.filter((candidate) => candidate !== last)) {
    variants.push({
      name: `in-order-${step}`,
      files: build((other) => (other <= step ? 'answer' : 'todo')),
      cases: testsOf(step).map((test) => ({ kind: 'in-order', step, test, expect: 'pass' })),
    });
  }
  for (const wrong of wrongAnswers) {
    if (!steps.includes(wrong.step)) {
      throw new ExerciseError(
        `solutions/${exercise.name}/${wrong.path}: step ${wrong.step} has no step test; the steps are ${steps.join(', ')}`,
      );
    }
    const cases = (kind: ProofKind): ProofCase[] =>
      testsOf(wrong.step).map((test) => ({ kind, step: wrong.step, test, expect: 'fail', wrong }));
    const base = `wrong-${wrong.step}-${wrong.slug}`;
    const inOrder = (other: number): StepState =>
      other === wrong.step ? wrong : other < wrong.step ? 'answer' : 'todo';
    const withRest = (other: number): StepState => (other === wrong.step ? wrong : 'answer');
    if (wrong.step === last) {
      variants.push({
        name: base,
        files: build(withRest),
        cases: [...cases('wrong-in-order'), ...cases('wrong-with-rest')],
      });
    } else {
      variants.push({
        name: `${base}-in-order`,
        files: build(inOrder),
        cases: cases('wrong-in-order'),
      });
      variants.push({
        name: `${base}-with-rest`,
        files: build(withRest),
        cases: cases('wrong-with-rest'),
      });
    }
  }
  return variants;
}

/**
 * The exercise's files with each step's region holding what `state` says: its
 * TODO, its answer, or a wrong answer (indented like the region).
 *
 * @throws ExerciseError when a wrong answer names a file that has no region of its step.
 *
 * @example
 * buildVariant('solutions/04-broadcast-chat', '04-broadcast-chat', [1, 2, 3, 4, 5], (step) =>
 *   step < 3 ? 'answer' : 'todo',
 * );
 */
export function buildVariant(
  solutionDir: string,
  name: string,
  steps: readonly number[],
  state: (step: number) => StepState,
): Map<string, Buffer> {
  const used = new Set<string>();
  const fillFor =
    (file: string): RegionFill =>
    (region) => {
      const chosen = state(region.step);
      if (chosen === 'todo') return undefined;
      if (chosen === 'answer') return region.body;
      const wrong = chosen.code.get(file);
      // A wrong answer may replace only some of its step's regions; the others keep the answer.
      if (wrong === undefined) return region.body;
      used.add(`${chosen.path}\u0000${file}`);
      return wrong.map((line) => (line.trim() === '' ? '' : `${region.indent}${line}`));
    };
  const { files } = generateExercise(solutionDir, name, fillFor);
  for (const step of steps) {
    const chosen = state(step);
    if (typeof chosen === 'string') continue;
    for (const file of chosen.code.keys()) {
      if (!used.has(`${chosen.path}\u0000${file}`)) {
        throw new ExerciseError(
          `solutions/${name}/${chosen.path}: names ${file}, which has no step-${chosen.step} region`,
        );
      }
    }
  }
  return files;
}
