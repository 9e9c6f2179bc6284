import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SKIPPED_DIRS } from './file-rules.ts';

/**
 * Every file under `dir`, as sorted `/`-separated relative paths, leaving out
 * {@link SKIPPED_DIRS}. Sorted so generated output never depends on the disk.
 *
 * @example
 * listFiles('solutions/04-broadcast-chat'); // → ['package.json', 'public/index.html', …]
 */
export function listFiles(dir: string, skipped: ReadonlySet<string> = SKIPPED_DIRS): string[] {
  const found: string[] = [];
  const visit = (relative: string) => {
    const entries = readdirSync(join(dir, relative), { withFileTypes: true });
    for (const entry of entries) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!skipped.has(entry.name)) visit(path);
      } else if (entry.isFile()) {
        found.push(path);
      }
    }
  };
  visit('');
  return found.sort(byCodePoint);
}

/** Plain code-point order, the same on every machine and locale. */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
