/**
 * A small line diff (longest common subsequence) that prints a unified diff,
 * the format `diff -u` and `git diff` use. The course's files are a few
 * hundred lines at most, so the quadratic table is fine and keeps this short.
 */

/** One line of an edit script: kept, removed (from the old file) or added (in the new one). */
export interface DiffLine {
  kind: ' ' | '-' | '+';
  text: string;
}

/** The edit script that turns `before` into `after`, line by line. */
export function diffLines(before: readonly string[], after: readonly string[]): DiffLine[] {
  const n = before.length;
  const m = after.length;
  // lcs[i][j] = length of the longest common subsequence of before[i..] and after[j..].
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    const row = lcs[i]!;
    const below = lcs[i + 1]!;
    for (let j = m - 1; j >= 0; j--) {
      row[j] = before[i] === after[j] ? below[j + 1]! + 1 : Math.max(below[j]!, row[j + 1]!);
    }
  }
  const lines: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (before[i] === after[j]) {
      lines.push({ kind: ' ', text: before[i]! });
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) {
      lines.push({ kind: '-', text: before[i++]! });
    } else {
      lines.push({ kind: '+', text: after[j++]! });
    }
  }
  while (i < n) lines.push({ kind: '-', text: before[i++]! });
  while (j < m) lines.push({ kind: '+', text: after[j++]! });
  return lines;
}

/** Options of {@link unifiedDiff}. */
export interface UnifiedDiffOptions {
  /** Unchanged lines shown around each change. Default 3. */
  context?: number;
  /** Names for the `---`/`+++` header; no header when left out. */
  fromName?: string;
  toName?: string;
}

/**
 * A unified diff of two texts: hunks with `@@ -a,b +c,d @@` headers, `-`
 * and `+` lines, and `context` unchanged lines around each change. Returns
 * `''` when the texts have the same lines.
 *
 * @example
 * unifiedDiff('a\nb\n', 'a\nc\n'); // '@@ -1,2 +1,2 @@\n a\n-b\n+c'
 */
export function unifiedDiff(
  before: string,
  after: string,
  options: UnifiedDiffOptions = {},
): string {
  const context = options.context ?? 3;
  const script = diffLines(splitLines(before), splitLines(after));
  const changed = script.flatMap((line, index) => (line.kind === ' ' ? [] : [index]));
  if (changed.length === 0) return '';

  // Group changes whose context windows touch into one hunk.
  const hunks: Array<[number, number]> = [];
  for (const index of changed) {
    const start = Math.max(0, index - context);
    const end = Math.min(script.length, index + context + 1);
    const last = hunks[hunks.length - 1];
    if (last && start <= last[1]) last[1] = end;
    else hunks.push([start, end]);
  }

  // Line numbers at each position of the script.
  const oldAt: number[] = [];
  const newAt: number[] = [];
  let oldLine = 1;
  let newLine = 1;
  for (const line of script) {
    oldAt.push(oldLine);
    newAt.push(newLine);
    if (line.kind !== '+') oldLine++;
    if (line.kind !== '-') newLine++;
  }

  const out: string[] = [];
  if (options.fromName !== undefined && options.toName !== undefined) {
    out.push(`--- ${options.fromName}`, `+++ ${options.toName}`);
  }
  for (const [start, end] of hunks) {
    const lines = script.slice(start, end);
    const oldCount = lines.filter((line) => line.kind !== '+').length;
    const newCount = lines.filter((line) => line.kind !== '-').length;
    // A hunk with no lines on one side starts at the line before it, as diff -u does.
    const oldStart = oldCount === 0 ? oldAt[start]! - 1 : oldAt[start]!;
    const newStart = newCount === 0 ? newAt[start]! - 1 : newAt[start]!;
    out.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@`);
    for (const line of lines) out.push(`${line.kind}${line.text}`);
  }
  return out.join('\n');
}

/** Lines of a text, without the empty "line" after a final newline. */
export function splitLines(text: string): string[] {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}
