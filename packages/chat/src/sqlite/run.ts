import { explainError } from './explain-error.ts';

/**
 * Runs one store operation: both SQLite drivers are synchronous, so `work` runs to
 * the end (its transaction committed or rolled back) before the promise
 * settles, and whatever it throws becomes a rejection, explained.
 */
export type Run = <T>(doing: string, work: () => T) => Promise<T>;

/** A {@link Run} for the database at `file`. */
export function createRun(file: string): Run {
  return async (doing, work) => {
    try {
      return work();
    } catch (error) {
      throw explainError(error, file, doing);
    }
  };
}

/** A limit as SQLite's LIMIT takes it: whole, and -1 for none. */
export function sqlLimit(limit: number): number {
  return Number.isFinite(limit) ? Math.max(0, Math.trunc(limit)) : -1;
}
