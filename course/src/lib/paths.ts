import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

let cached: string | undefined;

/**
 * The repository root: the nearest folder above the working directory (or
 * `start`) whose package.json declares workspaces. Components read solution
 * and exercise files from there at build time.
 */
export function repoRoot(start = process.cwd()): string {
  if (cached && start === process.cwd()) return cached;
  let dir = resolve(start);
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && existsSync(join(dir, 'solutions'))) {
      try {
        const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as { workspaces?: unknown };
        if (parsed.workspaces) {
          if (start === process.cwd()) cached = dir;
          return dir;
        }
      } catch {
        // Not a readable manifest: keep climbing.
      }
    }
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error(
        `Cannot find the repository root above ${start} (a package.json with "workspaces" beside a solutions/ folder).`,
      );
    }
    dir = parent;
  }
}

/** A demo (solution) folder name: letters, digits and dashes only, so it cannot leave solutions/. */
export function checkDemoName(demo: string): string {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(demo)) {
    throw new Error(`A demo name looks like "04-broadcast-chat"; got "${demo}".`);
  }
  return demo;
}

/** A file inside a demo, relative, without `..`. */
export function checkRelativeFile(file: string): string {
  if (file.startsWith('/') || file.split(/[\\/]/).includes('..')) {
    throw new Error(`A file inside a demo looks like "src/app.ts"; got "${file}".`);
  }
  return file;
}
