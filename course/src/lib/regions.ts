/**
 * What the course shows of a solution file: region markers (`// #region
 * step-2: …` / `// #endregion step-2`, which the exercise generator uses)
 * are never shown; `region` picks the lines of one region, `lines` a range.
 */

const regionStart = /^\s*\/\/\s*#region\s+([A-Za-z0-9_-]+)/;
const regionEnd = /^\s*\/\/\s*#endregion\b/;

/** True for a `// #region …` or `// #endregion …` line. */
export function isRegionMarker(line: string): boolean {
  return regionStart.test(line) || regionEnd.test(line);
}

/** The text without its region marker lines. */
export function stripRegionMarkers(source: string): string {
  return source
    .split('\n')
    .filter((line) => !isRegionMarker(line))
    .join('\n');
}

/**
 * The lines between `// #region <name>…` and its `// #endregion <name>`,
 * markers of nested regions stripped, common indentation removed.
 *
 * @throws Error naming the regions the file has when `name` is not one of them.
 */
export function extractRegion(source: string, name: string): string {
  const lines = source.split('\n');
  const start = lines.findIndex((line) => regionStart.exec(line)?.[1] === name);
  if (start === -1) {
    const names = lines.flatMap((line) => regionStart.exec(line)?.[1] ?? []);
    throw new Error(
      `No region "${name}" found; the file has ${names.length ? names.map((n) => `"${n}"`).join(', ') : 'no regions'}.`,
    );
  }
  const endPattern = new RegExp(`^\\s*//\\s*#endregion\\s+${escapeRegExp(name)}\\b`);
  let end = lines.findIndex((line, index) => index > start && endPattern.test(line));
  if (end === -1) end = lines.length;
  return dedent(lines.slice(start + 1, end).filter((line) => !isRegionMarker(line)));
}

/**
 * Lines `from`–`to` (1-based, inclusive) of the file as written, e.g. `"10-40"`
 * or `"12"`; marker lines in the range are dropped.
 *
 * @throws Error when the range is not of the form `a-b` or `a`.
 */
export function extractLines(source: string, range: string): string {
  const match = /^\s*(\d+)\s*(?:-\s*(\d+))?\s*$/.exec(range);
  if (!match) throw new Error(`lines must look like "10-40" or "12"; got "${range}".`);
  const from = Number(match[1]);
  const to = match[2] === undefined ? from : Number(match[2]);
  const lines = source.split('\n').slice(Math.max(0, from - 1), to);
  return dedent(lines.filter((line) => !isRegionMarker(line)));
}

/** What SolutionCode shows: a region, a line range, or the whole file; markers never. */
export function selectCode(source: string, options: { region?: string; lines?: string }): string {
  if (options.region) return extractRegion(source, options.region);
  if (options.lines) return extractLines(source, options.lines);
  return stripRegionMarkers(source).replace(/\n+$/, '');
}

function dedent(lines: string[]): string {
  const indents = lines
    .filter((line) => line.trim() !== '')
    .map((line) => /^[ \t]*/.exec(line)?.[0].length ?? 0);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines
    .map((line) => line.slice(cut))
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
