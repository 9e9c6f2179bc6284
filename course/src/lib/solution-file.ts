import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDemoName, checkRelativeFile, repoRoot } from './paths.ts';

/**
 * The text of `solutions/<demo>/<file>`, as the code cells read it at build
 * time (the real file, never a pasted copy).
 *
 * @throws Error for a demo or file name that could leave `solutions/`, or a file that is not there.
 */
export function readSolutionFile(demo: string, file: string): string {
  return readFileSync(
    join(repoRoot(), 'solutions', checkDemoName(demo), checkRelativeFile(file)),
    'utf8',
  );
}

/** How a cell names a file: its path from the repository root. */
export function solutionPath(demo: string, file: string): string {
  return `solutions/${demo}/${file}`;
}
