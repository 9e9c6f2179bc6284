/**
 * A text progress bar with the percentage.
 *
 * @example
 * progressBar(1, 4, 8); // → '[██░░░░░░]  25%'
 */
export function progressBar(done: number, total: number, width = 24): string {
  const ratio = total ? done / total : 0;
  const filled = Math.round(ratio * width);
  const percent = `${Math.round(ratio * 100)}%`.padStart(4);
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${percent}`;
}
