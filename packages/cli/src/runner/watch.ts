import type { FileOutcome } from './outcome.ts';
import { spawnVitest } from './spawn-vitest.ts';

/** One vitest that keeps running in a folder and re-runs what a save affects. */
export interface VitestWatch {
  /** Every test file's latest outcome: a re-run replaces only the files it ran. */
  readonly files: ReadonlyMap<string, FileOutcome>;
  /** Stops vitest. */
  stop(): Promise<void>;
}

/** What {@link watchVitest} reports. */
export interface WatchEvents {
  /** A run starts: the first one, or a re-run after a save (with the files it runs). */
  onRunStart?(files: string[]): void;
  /** A run ended; `files` holds every file's latest outcome, `ran` those of this run. */
  onRunEnd(files: ReadonlyMap<string, FileOutcome>, ran: string[]): void;
  /** Vitest stopped by itself (a broken config): its last words. */
  onExit?(output: string): void;
}

/**
 * Starts vitest in watch mode in `cwd`: it runs the tests matching `filters`
 * once, then keeps its workers and module graph and, on each save, re-runs
 * only the test files that import what changed. That is what makes a result
 * appear within a second or two of saving, where starting vitest afresh takes
 * several.
 *
 * @example
 * const watch = watchVitest('exercises/04-broadcast-chat', ['test/step-'], {
 *   onRunEnd: (files) => console.log([...files.values()].every((file) => file.passed)),
 * });
 * // later
 * await watch.stop();
 */
export function watchVitest(cwd: string, filters: string[], events: WatchEvents): VitestWatch {
  const files = new Map<string, FileOutcome>();
  let stopping = false;
  const { child, output } = spawnVitest(cwd, 'watch', filters, {}, (message) => {
    if (message.type === 'funws:run-start') {
      events.onRunStart?.(message.files);
      return;
    }
    if (message.type === 'funws:file-end') return; // the whole run is shown at its end
    for (const file of message.files) files.set(file.file, file);
    events.onRunEnd(
      files,
      message.files.map((file) => file.file),
    );
  });
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  child.once('close', () => {
    if (!stopping) events.onExit?.(output());
  });
  return {
    files,
    stop() {
      stopping = true;
      if (child.exitCode === null && child.signalCode === null) child.kill();
      return exited;
    },
  };
}
