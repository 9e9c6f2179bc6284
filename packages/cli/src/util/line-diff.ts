/** One line of a diff: kept (' '), removed ('-') or added ('+'). */
export interface DiffLine {
  op: ' ' | '-' | '+';
  text: string;
}

/**
 * The shortest edit from `a` to `b`, line by line, by longest common
 * subsequence. Quadratic, which is fine for files a learner writes.
 *
 * @example
 * diffLines(['a', 'b'], ['a', 'c']);
 * // → [{ op: ' ', text: 'a' }, { op: '-', text: 'b' }, { op: '+', text: 'c' }]
 */
export function diffLines(a: string[], b: string[]): DiffLine[] {
  const width = b.length + 1;
  // lcs[i * width + j]: length of the longest common subsequence of a[i..] and b[j..].
  const lcs = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * width + j] =
        a[i] === b[j]
          ? (lcs[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(lcs[(i + 1) * width + j] ?? 0, lcs[i * width + j + 1] ?? 0);
    }
  }
  const lines: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      lines.push({ op: ' ', text: a[i++] as string });
      j++;
    } else if ((lcs[(i + 1) * width + j] ?? 0) >= (lcs[i * width + j + 1] ?? 0)) {
      lines.push({ op: '-', text: a[i++] as string });
    } else {
      lines.push({ op: '+', text: b[j++] as string });
    }
  }
  while (i < a.length) lines.push({ op: '-', text: a[i++] as string });
  while (j < b.length) lines.push({ op: '+', text: b[j++] as string });
  return lines;
}

/**
 * A unified diff (as `diff -u` prints it) of two texts, with `context` lines
 * around each change; '' when they are equal.
 *
 * @example
 * unifiedDiff('a\nb\n', 'a\nc\n', 'yours', 'reference');
 * // --- yours
 * // +++ reference
 * // @@ -1,2 +1,2 @@
 * //  a
 * // -b
 * // +c
 */
export function unifiedDiff(
  a: string,
  b: string,
  fromName: string,
  toName: string,
  context = 3,
): string {
  const lines = diffLines(splitLines(a), splitLines(b));
  const changed = lines.flatMap((line, index) => (line.op === ' ' ? [] : [index]));
  if (!changed.length) return '';
  const out = [`--- ${fromName}`, `+++ ${toName}`];
  // Group changes whose context overlaps into one hunk.
  let start = 0;
  while (start < changed.length) {
    let end = start;
    while (
      end + 1 < changed.length &&
      (changed[end + 1] as number) - (changed[end] as number) <= context * 2
    )
      end++;
    const from = Math.max(0, (changed[start] as number) - context);
    const to = Math.min(lines.length, (changed[end] as number) + context + 1);
    out.push(
      hunkHeader(lines, from, to),
      ...lines.slice(from, to).map((line) => `${line.op}${line.text}`),
    );
    start = end + 1;
  }
  return `${out.join('\n')}\n`;
}

function hunkHeader(lines: DiffLine[], from: number, to: number): string {
  const before = lines.slice(0, from);
  const inside = lines.slice(from, to);
  const count = (list: DiffLine[], op: '-' | '+') =>
    list.filter((line) => line.op !== (op === '-' ? '+' : '-')).length;
  const aStart = count(before, '-');
  const bStart = count(before, '+');
  const aCount = count(inside, '-');
  const bCount = count(inside, '+');
  return `@@ -${aCount ? aStart + 1 : aStart},${aCount} +${bCount ? bStart + 1 : bStart},${bCount} @@`;
}

function splitLines(text: string): string[] {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}
