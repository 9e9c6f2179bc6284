import type { ChatLogger } from './options.ts';

/** The waits between two attempts to start, in ms: quick at first, then every 10 s. */
const retryDelaysMs = [1000, 2000, 5000, 10_000];

/**
 * Runs `start` until it succeeds, waiting a little longer after each
 * failure, and reports each failure to `logger`. A chat whose stores are
 * away when it starts (Redis not up yet, a SQLite file locked by another
 * process) thus starts by itself once they are back, instead of refusing
 * every connection until the process restarts. Connections wait meanwhile.
 * Gives up (rejects) only once `isClosed()` says the chat was closed.
 *
 * @example
 * ctx.ready = startUntilReady(() => createStartRooms(), { logger, isClosed: () => closed });
 */
export async function startUntilReady(
  start: () => Promise<void>,
  { logger, isClosed }: { logger: ChatLogger; isClosed: () => boolean },
): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await start();
      return;
    } catch (error) {
      if (isClosed()) throw error;
      const delayMs = retryDelaysMs[Math.min(attempt, retryDelaysMs.length - 1)] ?? 10_000;
      logger.error(`starting the chat failed; trying again in ${delayMs / 1000} s`, error);
      await new Promise((resolve) => setTimeout(resolve, delayMs).unref());
      if (isClosed()) throw error;
    }
  }
}
