import { ExerciseError } from './exercise-error.ts';

/** One `// TODO(step N): …` line the generator wrote in place of a region. */
export interface Todo {
  step: number;
  title: string;
  /** 1-based line of the `#region` marker in the solution file. */
  line: number;
}

/** The exercise text of one file, and the TODOs that replaced its regions. */
export interface ReplacedRegions {
  text: string;
  todos: Todo[];
}

// The three comment styles a marker may live in: TS/JS, HTML, CSS.
type CommentStyle = '//' | '<!--' | '/*';
const CLOSERS: Record<CommentStyle, string> = { '//': '', '<!--': '-->', '/*': '*/' };

const OPEN = /^(\s*)(\/\/|<!--|\/\*)\s*#region\s+step-(\d+)\s*:\s*(.*?)\s*(-->|\*\/)?\s*$/;
const CLOSE = /^(\s*)(\/\/|<!--|\/\*)\s*#endregion\s+step-(\d+)\s*(-->|\*\/)?\s*$/;
// Anything that looks like a step marker but does not parse is an error, never
// silently copied: a typo would otherwise leak the solution into the starter.
const LOOKS_LIKE_MARKER = /#(end)?region\s+step/;

interface OpenRegion {
  step: number;
  title: string;
  line: number;
  indent: string;
  style: CommentStyle;
  /** The lines between the markers: the step's answer. */
  body: string[];
}

/** A region as {@link RegionFill} sees it. */
export interface Region {
  step: number;
  title: string;
  /** The indentation of its `#region` line. */
  indent: string;
  /** The lines between the markers: the step's answer. */
  body: readonly string[];
}

/**
 * What to put in place of a region: the lines to write, or undefined for the
 * usual `TODO(step N)` line. The exercise generator never fills; the checker
 * fills regions with the answer (a step already done) or a wrong answer.
 */
export type RegionFill = (region: Region) => readonly string[] | undefined;

/**
 * Replaces every `#region step-N: title` … `#endregion step-N` block (marker
 * lines included) by one `TODO(step N): title` comment, indented like the
 * `#region` line and in the same comment style (`//`, `<!-- -->`, `/* *\/`).
 * Line endings become LF.
 *
 * @throws ExerciseError naming `file` and the line, for a malformed, nested,
 * mismatched or unclosed marker.
 *
 * @example
 * replaceRegions('  // #region step-1: Say hi\n  hi();\n  // #endregion step-1\n', 'src/a.ts');
 * // → { text: '  // TODO(step 1): Say hi\n', todos: [{ step: 1, title: 'Say hi', line: 1 }] }
 */
export function replaceRegions(source: string, file: string, fill?: RegionFill): ReplacedRegions {
  const lines = source.split(/\r?\n/);
  const out: string[] = [];
  const todos: Todo[] = [];
  let open: OpenRegion | undefined;
  const fail = (line: number, problem: string) => new ExerciseError(`${file}:${line}: ${problem}`);

  for (const [index, text] of lines.entries()) {
    const line = index + 1;
    const opening = OPEN.exec(text);
    const closing = opening ? null : CLOSE.exec(text);
    if (opening) {
      const [, indent = '', style, step, title = '', closer] = opening as unknown as string[];
      checkCloser(style as CommentStyle, closer, line, fail);
      if (open) {
        throw fail(
          line,
          `step-${step} region opens inside the step-${open.step} region opened on line ${open.line}; regions cannot nest`,
        );
      }
      if (title === '')
        throw fail(
          line,
          `the step-${step} region needs a title: "#region step-${step}: what to do"`,
        );
      open = { step: Number(step), title, line, indent, style: style as CommentStyle, body: [] };
    } else if (closing) {
      const [, , style, step, closer] = closing as unknown as string[];
      checkCloser(style as CommentStyle, closer, line, fail);
      if (!open)
        throw fail(line, `#endregion step-${step} has no matching #region step-${step} above it`);
      if (Number(step) !== open.step) {
        throw fail(
          line,
          `#endregion step-${step} closes the step-${open.step} region opened on line ${open.line}`,
        );
      }
      out.push(...(fill?.(open) ?? [todoLine(open)]));
      todos.push({ step: open.step, title: open.title, line: open.line });
      open = undefined;
    } else if (LOOKS_LIKE_MARKER.test(text)) {
      throw fail(
        line,
        `malformed region marker "${text.trim()}"; expected "// #region step-N: what to do" or "// #endregion step-N"`,
      );
    } else if (open) {
      open.body.push(text);
    } else {
      out.push(text);
    }
  }
  if (open)
    throw fail(
      open.line,
      `the step-${open.step} region is never closed (add "#endregion step-${open.step}")`,
    );
  return { text: out.join('\n'), todos };
}

function checkCloser(
  style: CommentStyle,
  closer: string | undefined,
  line: number,
  fail: (line: number, problem: string) => ExerciseError,
): void {
  if ((closer ?? '') !== CLOSERS[style]) {
    throw fail(
      line,
      `a marker opened with "${style}" must end with "${CLOSERS[style] || 'nothing'}"`,
    );
  }
}

function todoLine({ indent, style, step, title }: OpenRegion): string {
  const comment = `TODO(step ${step}): ${title}`;
  if (style === '//') return `${indent}// ${comment}`;
  return `${indent}${style} ${comment} ${CLOSERS[style]}`;
}

/**
 * The solution as a reader should see it: the region marker lines removed,
 * the code between them kept. Used to diff a learner's code against it.
 *
 * @example
 * stripMarkers('// #region step-1: Say hi\nhi();\n// #endregion step-1\n'); // → 'hi();\n'
 */
export function stripMarkers(source: string): string {
  return source
    .split(/\r?\n/)
    .filter((line) => !OPEN.test(line) && !CLOSE.test(line))
    .join('\n');
}
