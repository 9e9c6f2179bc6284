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

/** The three comment styles a marker may live in: TS/JS, HTML, CSS. */
export type CommentStyle = '//' | '<!--' | '/*';
const CLOSERS: Record<CommentStyle, string> = { '//': '', '<!--': '-->', '/*': '*/' };

const OPEN = /^(\s*)(\/\/|<!--|\/\*)\s*#region\s+step-(\d+)\s*:\s*(.*?)\s*(-->|\*\/)?\s*$/;
const CLOSE = /^(\s*)(\/\/|<!--|\/\*)\s*#endregion\s+step-(\d+)\s*(-->|\*\/)?\s*$/;
// Anything that looks like a step marker but does not parse is an error, never
// silently copied: a typo would otherwise leak the solution into the starter.
const LOOKS_LIKE_MARKER = /#(end)?region\s+step/;

/**
 * One `#region step-N: title` … `#endregion step-N` block of a file, as
 * {@link findRegions} parsed it.
 */
export interface Region {
  step: number;
  title: string;
  /** 1-based line of the `#region` marker. */
  line: number;
  /** 1-based line of the `#endregion` marker. */
  endLine: number;
  /** The whitespace before the `#region` marker. */
  indent: string;
  /** The comment the markers are written in. */
  style: CommentStyle;
  /** The lines between the two markers, as written. */
  body: string[];
}

/**
 * What to put in place of a region: the lines to write, or undefined for the
 * usual `TODO(step N)` line. The exercise generator never fills; the checker
 * fills regions with the answer (a step already done) or a wrong answer.
 */
export type RegionFill = (region: Region) => readonly string[] | undefined;

/**
 * Every `#region step-N: title` … `#endregion step-N` block of a file, in
 * order. Ordinary folding regions (`// #region helpers`) are not step regions
 * and are left alone. This is the one parser of step markers: the generator,
 * `funws diff` and the course's code cells all read regions through it.
 *
 * @throws ExerciseError naming `file` and the line, for a malformed, nested,
 * mismatched or unclosed marker.
 *
 * @example
 * findRegions('a();\n// #region step-1: Say hi\nhi();\n// #endregion step-1\n', 'src/a.ts');
 * // → [{ step: 1, title: 'Say hi', line: 2, endLine: 4, indent: '', style: '//', body: ['hi();'] }]
 */
export function findRegions(source: string, file: string): Region[] {
  const lines = source.split(/\r?\n/);
  const regions: Region[] = [];
  let open: Omit<Region, 'endLine'> | undefined;
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
      regions.push({ ...open, endLine: line });
      open = undefined;
    } else if (LOOKS_LIKE_MARKER.test(text)) {
      throw fail(
        line,
        `malformed region marker "${text.trim()}"; expected "// #region step-N: what to do" or "// #endregion step-N"`,
      );
    } else {
      open?.body.push(text);
    }
  }
  if (open)
    throw fail(
      open.line,
      `the step-${open.step} region is never closed (add "#endregion step-${open.step}")`,
    );
  return regions;
}

/**
 * Replaces every `#region step-N: title` … `#endregion step-N` block (marker
 * lines included) by one `TODO(step N): title` comment, indented like the
 * `#region` line and in the same comment style (`//`, `<!-- -->`, `/* *\/`),
 * or by the lines `fill` gives for it. Line endings become LF.
 *
 * @throws ExerciseError naming `file` and the line, for a malformed, nested,
 * mismatched or unclosed marker.
 *
 * @example
 * replaceRegions('  // #region step-1: Say hi\n  hi();\n  // #endregion step-1\n', 'src/a.ts');
 * // → { text: '  // TODO(step 1): Say hi\n', todos: [{ step: 1, title: 'Say hi', line: 1 }] }
 */
export function replaceRegions(source: string, file: string, fill?: RegionFill): ReplacedRegions {
  const regions = findRegions(source, file);
  const lines = source.split(/\r?\n/);
  const out: string[] = [];
  let next = 0;
  for (const region of regions) {
    out.push(...lines.slice(next, region.line - 1), ...(fill?.(region) ?? [todoLine(region)]));
    next = region.endLine;
  }
  out.push(...lines.slice(next));
  const todos = regions.map(({ step, title, line }) => ({ step, title, line }));
  return { text: out.join('\n'), todos };
}

/**
 * The code a step asks for in one file: the lines of each of its regions,
 * without markers, indentation common to them removed. Several regions of the
 * same step are joined by a `…` line. What the course shows behind "Show the
 * solution", and nowhere else.
 *
 * @throws ExerciseError for a bad marker, or when the file has no region of
 * that step (naming the steps it has).
 *
 * @example
 * stepCode('  // #region step-1: Say hi\n  hi();\n  // #endregion step-1\n', 'src/a.ts', 1);
 * // → 'hi();'
 */
export function stepCode(source: string, file: string, step: number): string {
  const regions = findRegions(source, file);
  const mine = regions.filter((region) => region.step === step);
  if (mine.length === 0) {
    const steps = [...new Set(regions.map((region) => region.step))];
    throw new ExerciseError(
      `${file} has no step-${step} region; ${
        steps.length ? `it has regions for step ${steps.join(', ')}` : 'it has no step regions'
      }.`,
    );
  }
  const body = mine.flatMap((region, index) => (index === 0 ? region.body : ['…', ...region.body]));
  return dedent(trimBlankEnds(body)).join('\n');
}

function trimBlankEnds(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]?.trim() === '') start++;
  while (end > start && lines[end - 1]?.trim() === '') end--;
  return lines.slice(start, end);
}

function dedent(lines: string[]): string[] {
  const indents = lines
    .filter((line) => line.trim() !== '' && line.trim() !== '…')
    .map((line) => /^[ \t]*/.exec(line)?.[0].length ?? 0);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((line) => (line.trim() === '…' ? '…' : line.slice(cut)));
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

function todoLine({ indent, style, step, title }: Region): string {
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
