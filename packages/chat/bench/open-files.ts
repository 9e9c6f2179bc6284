import { readFileSync } from 'node:fs';

/**
 * The soft limit on open files of this process (`ulimit -n`), read from
 * /proc on Linux; `undefined` where it cannot be read. Every socket.io client
 * is one open file in the benchmark's process, and every connection one in
 * the server's: 5,000 clients need more than the common default of 1,024.
 * `npm run bench` raises the soft limit to the hard one before starting.
 */
export function openFileLimit(): number | undefined {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8')
      .split('\n')
      .find((each) => each.startsWith('Max open files'));
    const soft = line?.split(/\s{2,}/)[1];
    if (soft === undefined) return undefined;
    return soft === 'unlimited' ? Number.POSITIVE_INFINITY : Number(soft);
  } catch {
    return undefined;
  }
}
