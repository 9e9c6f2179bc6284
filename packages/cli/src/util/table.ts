/**
 * Lays rows out in columns padded to the widest cell, the first row being the
 * header, underlined. Widths count characters as the terminal shows them
 * (colour codes ignored).
 *
 * @example
 * table([['exercise', 'steps'], ['00-echo', '1/2']]);
 * // exercise  steps
 * // --------  -----
 * // 00-echo   1/2
 */
export function table(rows: string[][]): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, index) => {
      widths[index] = Math.max(widths[index] ?? 0, visibleLength(cell));
    });
  }
  const line = (row: string[]) =>
    row
      .map((cell, index) => cell + ' '.repeat((widths[index] ?? 0) - visibleLength(cell)))
      .join('  ')
      .trimEnd();
  const [header, ...body] = rows;
  if (!header) return '';
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...body.map(line)].join(
    '\n',
  );
}

function visibleLength(text: string): number {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: colour codes take no room on screen
  return [...text.replace(/\u001b\[[0-9;]*m/g, '')].length;
}
