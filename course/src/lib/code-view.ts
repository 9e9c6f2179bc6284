/**
 * What a code cell shows of a real solution file. The step regions, which are
 * the exercise's answers, are never part of it: a file is shown as the
 * exercise gives it to the learner (each region replaced by its
 * `// TODO(step N): …` line, by the CLI's one region parser), and a cell shows
 * a window of that, found by the text of its first and last lines rather than
 * by line numbers, which every edit above would shift.
 */
import { replaceRegions } from '@funws/cli/regions';

/** The most lines a cell shows before it belongs behind "Show the whole file". */
export const maxCellLines = 25;

/**
 * A solution file as its exercise starts: every `#region step-N` block
 * replaced by its TODO line, markers never shown.
 *
 * @example
 * starterView("a();\n// #region step-1: Say hi\nhi();\n// #endregion step-1\n", 'src/a.ts');
 * // → "a();\n// TODO(step 1): Say hi\n"
 */
export function starterView(source: string, file: string): string {
  return replaceRegions(source, file).text;
}

/** Which lines of a file a cell shows. */
export interface CodeWindow {
  /** Text of the first line shown (its first occurrence). */
  from?: string;
  /**
   * Text of the last line shown (its first occurrence from `from` on). Without
   * it, the cell ends where the block that `from`'s line opens is closed.
   */
  to?: string;
}

/**
 * The lines of `text` a cell shows, with the indentation they share removed;
 * the whole text when no window is given.
 *
 * @throws Error naming the anchor that no line contains.
 *
 * @example
 * selectWindow('a\nfunction f() {\n  x();\n}\nb', { from: 'function f' });
 * // → 'function f() {\n  x();\n}'
 */
export function selectWindow(text: string, window: CodeWindow = {}): string {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  if (window.from === undefined) return trimBlankEnds(lines).join('\n');
  const start = lines.findIndex((line) => line.includes(window.from as string));
  if (start === -1) throw new Error(`No line contains "${window.from}".`);
  let end: number;
  if (window.to !== undefined) {
    end = lines.findIndex((line, index) => index >= start && line.includes(window.to as string));
    if (end === -1) throw new Error(`No line from "${window.from}" on contains "${window.to}".`);
  } else {
    end = blockEnd(lines, start);
  }
  return dedent(trimBlankEnds(lines.slice(start, end + 1))).join('\n');
}

/** The last line of the block `lines[start]` opens: the first later line indented no deeper, if it closes a bracket. */
function blockEnd(lines: string[], start: number): number {
  const depth = indentOf(lines[start] ?? '');
  for (let index = start + 1; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (line.trim() === '' || indentOf(line) > depth) continue;
    return /^\s*[)}\]]/.test(line) ? index : index - 1;
  }
  return lines.length - 1;
}

function indentOf(line: string): number {
  return /^[ \t]*/.exec(line)?.[0].length ?? 0;
}

function trimBlankEnds(lines: string[]): string[] {
  let first = 0;
  let last = lines.length;
  while (first < last && lines[first]?.trim() === '') first++;
  while (last > first && lines[last - 1]?.trim() === '') last--;
  return lines.slice(first, last);
}

function dedent(lines: string[]): string[] {
  const indents = lines.filter((line) => line.trim() !== '').map(indentOf);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((line) => line.slice(cut));
}
