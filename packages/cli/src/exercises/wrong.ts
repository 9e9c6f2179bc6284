import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ExerciseError } from './exercise-error.ts';
import { WRONG_DIR } from './file-rules.ts';
import { byCodePoint } from './walk.ts';

/**
 * A plausible wrong answer to one step: the mistake a learner would make,
 * written as a replacement for the step's region. `exercises:check` proves
 * that the step's test fails with it.
 */
export interface WrongAnswer {
  step: number;
  /** From the file name: `step-2-no-return.md` → `no-return`. */
  slug: string;
  /** Relative to the solution folder: `wrong/step-2-no-return.md`. */
  path: string;
  /** The `# …` heading: what the learner got wrong. */
  title: string;
  /** Exercise-relative file → the lines that replace that file's step region. */
  code: Map<string, string[]>;
}

const FILE_NAME = /^step-(\d+)-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/;
const FENCE = /^```(\S*)\s*(.*?)\s*$/;

/**
 * The wrong answers recorded for a solution, from `<solution>/wrong/step-N-<what>.md`,
 * in file order. Each file has a `# heading` saying what is wrong, prose saying
 * why it matters, and one fenced block per region it replaces, its info
 * string naming the file: ```` ```ts src/app.ts ````. The code is written
 * without the region's indentation; the checker indents it.
 *
 * @throws ExerciseError naming the file and line of a malformed answer.
 *
 * @example
 * readWrongAnswers('solutions/04-broadcast-chat').map((answer) => answer.path);
 * // → ['wrong/step-1-to-everyone.md', 'wrong/step-1-wrong-event.md', …]
 */
export function readWrongAnswers(solutionDir: string): WrongAnswer[] {
  const dir = join(solutionDir, WRONG_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort(byCodePoint)
    .map((name) => parseWrongAnswer(readFileSync(join(dir, name), 'utf8'), `${WRONG_DIR}/${name}`));
}

/**
 * Parses one wrong answer; `path` is where it lives, relative to the solution
 * (`wrong/step-2-no-return.md`), which gives its step.
 *
 * @throws ExerciseError naming `path` and the line of the problem.
 *
 * @example
 * parseWrongAnswer('# Forgets to trim\n\n```ts src/echo.ts\nreply = reply;\n```\n', 'wrong/step-1-no-trim.md');
 * // → { step: 1, slug: 'no-trim', title: 'Forgets to trim', code: Map { 'src/echo.ts' => ['reply = reply;'] }, … }
 */
export function parseWrongAnswer(markdown: string, path: string): WrongAnswer {
  const name = path.split('/').pop() ?? path;
  const named = FILE_NAME.exec(name);
  if (!named) {
    throw new ExerciseError(
      `${path}: a wrong answer is named step-<N>-<what-is-wrong>.md, like step-2-no-return.md`,
    );
  }
  const [, step = '', slug = ''] = named;
  const fail = (line: number, problem: string) => new ExerciseError(`${path}:${line}: ${problem}`);
  let title = '';
  const code = new Map<string, string[]>();
  let block: { file: string; lines: string[]; line: number } | undefined;
  for (const [index, text] of markdown.split(/\r?\n/).entries()) {
    const line = index + 1;
    const fence = FENCE.exec(text);
    if (block) {
      if (fence && fence[1] === '' && fence[2] === '') {
        code.set(block.file, block.lines);
        block = undefined;
      } else {
        block.lines.push(text);
      }
    } else if (fence) {
      const file = fence[2] ?? '';
      if (!file) {
        throw fail(
          line,
          'name the file whose region this code replaces after the language: ```ts src/app.ts',
        );
      }
      if (code.has(file)) throw fail(line, `a second block for ${file}; one block per file`);
      block = { file, lines: [], line };
    } else if (!title && /^#\s+\S/.test(text)) {
      title = text.replace(/^#\s+/, '').trim();
    }
  }
  if (block) throw fail(block.line, 'this code block is never closed with ```');
  if (!title) throw fail(1, 'start with a "# heading" that says what the learner got wrong');
  if (!code.size) {
    throw fail(1, 'no code: add a block such as ```ts src/app.ts with the wrong region');
  }
  return { step: Number(step), slug, path, title, code };
}
