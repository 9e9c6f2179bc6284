import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The repo root: `FUNWS_ROOT` when set (tests point it at a temporary copy),
 * else the nearest folder at or above `from` whose package.json is named "funws".
 *
 * @throws Error saying where it looked, outside the repo.
 *
 * @example
 * const root = findRoot(); // '/home/ada/fun-with-websockets'
 */
export function findRoot(from = process.cwd(), env = process.env): string {
  if (env.FUNWS_ROOT) return resolve(env.FUNWS_ROOT);
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (isRepoRoot(dir)) return dir;
    if (dirname(dir) === dir) {
      throw new Error(
        `Not inside the Fun with WebSockets repo (no package.json named "funws" above ${from}). cd into it and try again.`,
      );
    }
  }
}

function isRepoRoot(dir: string): boolean {
  const file = join(dir, 'package.json');
  if (!existsSync(file)) return false;
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown }).name === 'funws';
  } catch {
    return false;
  }
}
