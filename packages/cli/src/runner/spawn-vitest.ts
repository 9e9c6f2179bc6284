import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReporterMessage } from './outcome.ts';

/** The reporter vitest loads in the child: it sends each run's results back over IPC. */
export const IPC_REPORTER = fileURLToPath(new URL('./ipc-reporter.ts', import.meta.url));

/** A vitest child process and what it prints, for when it ends without a report. */
export interface VitestChild {
  child: ChildProcess;
  /** Everything vitest printed so far (its own errors, the tests' console output). */
  output(): string;
}

/**
 * Starts vitest in `cwd` (so that folder's own vitest.config.ts applies, or
 * `config` when given) with the IPC reporter, and calls `onMessage` for each
 * run's start and end. `mode` is `run` (once) or `watch` (re-runs what a
 * change affects, until killed).
 *
 * @example
 * const { child } = spawnVitest('exercises/04-broadcast-chat', 'run', ['step-'], {}, (message) => …);
 */
export function spawnVitest(
  cwd: string,
  mode: 'run' | 'watch',
  filters: string[],
  { config, env = {} }: { config?: string; env?: NodeJS.ProcessEnv },
  onMessage: (message: ReporterMessage) => void,
): VitestChild {
  const args = [
    vitestBin(cwd),
    mode,
    `--reporter=${IPC_REPORTER}`,
    '--passWithNoTests',
    ...(config ? [`--config=${config}`] : []),
    ...filters,
  ];
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    // Keep the tail only: a long watch session must not grow without bound.
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  child.on('message', (message: ReporterMessage) => onMessage(message));
  return { child, output: () => output };
}

/** vitest's own entry script, found the way npm would: walking up from `cwd`. */
function vitestBin(cwd: string): string {
  for (let dir = cwd; ; dir = dirname(dir)) {
    const bin = join(dir, 'node_modules', 'vitest', 'vitest.mjs');
    if (existsSync(bin)) return bin;
    if (dirname(dir) === dir)
      throw new Error(`vitest is not installed above ${cwd}: run npm install at the repo root`);
  }
}
