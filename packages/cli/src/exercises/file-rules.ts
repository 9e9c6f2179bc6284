/**
 * Which files of a solution go into its exercise, and how. Paths are relative
 * to the solution folder and use `/`.
 */

/** Folders never copied: installed or built things, not the learner's business. */
export const SKIPPED_DIRS: ReadonlySet<string> = new Set([
  'node_modules',
  'dist',
  'coverage',
  '.vite',
  '.astro',
  '.funws',
]);

/** Vitest's file filter for step tests, as on its command line. */
export const STEP_FILTER = 'test/step-';

/** The folder of a solution that holds wrong answers to its steps (see wrong.ts). */
export const WRONG_DIR = 'wrong';

/** `test/step-2-broadcast.test.ts` or `test/step-3-render.dom.test.ts`. */
const STEP_TEST = /^test\/step-(\d+)-[^/]+\.test\.ts$/;

/** Files whose text may hold region markers, in `//`, `<!-- -->` or `/* *\/` comments. */
const MARKED_TEXT = /\.(ts|tsx|mts|cts|js|mjs|cjs|jsx|html|njk|css)$/;

/** Files copied as text with LF line endings (everything else is copied byte for byte). */
const TEXT =
  /\.(ts|tsx|mts|cts|js|mjs|cjs|jsx|html|njk|css|json|md|txt|svg|yml|yaml)$|^\.[a-z]+ignore$/;

/** What the generator does with one file of a solution. */
export type FileRule =
  | { kind: 'skip'; why: string }
  | { kind: 'copy'; to: string; text: boolean; regions: boolean; packageJson: boolean }
  | { kind: 'overlay'; to: string; text: boolean };

/**
 * Decides what happens to `path` (relative to the solution folder).
 *
 * @example
 * ruleFor('test/pages.test.ts'); // → { kind: 'skip', why: 'not a step test' }
 * ruleFor('exercise/hints.md'); // → { kind: 'overlay', to: 'hints.md', text: true }
 */
export function ruleFor(path: string): FileRule {
  const text = isText(path);
  if (path.startsWith('exercise/'))
    return { kind: 'overlay', to: path.slice('exercise/'.length), text };
  if (path === 'README.md')
    return { kind: 'skip', why: "the solution's README (the exercise has its own)" };
  if (path.startsWith(`${WRONG_DIR}/`))
    return { kind: 'skip', why: 'a wrong answer, for exercises:check to prove the tests catch it' };
  if (/\.e2e\.test\.[cm]?[jt]sx?$/.test(path)) return { kind: 'skip', why: 'browser test' };
  if (/\.test\.[cm]?[jt]sx?$/.test(path) && !STEP_TEST.test(path)) {
    return { kind: 'skip', why: 'not a step test' };
  }
  return {
    kind: 'copy',
    to: path,
    text,
    regions: MARKED_TEXT.test(path),
    packageJson: path === 'package.json',
  };
}

/**
 * The step a step-test path belongs to, or undefined for any other path.
 *
 * @example
 * stepOfTest('test/step-2-broadcast.test.ts'); // → 2
 */
export function stepOfTest(path: string): number | undefined {
  const match = STEP_TEST.exec(path);
  return match ? Number(match[1]) : undefined;
}

function isText(path: string): boolean {
  const base = path.split('/').pop() ?? path;
  return TEXT.test(base);
}
