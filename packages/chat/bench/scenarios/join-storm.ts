import { performance } from 'node:perf_hooks';
import { type BenchClient, connectClients, disconnectAll, join } from '../clients.ts';
import type { ServerHandle } from '../server-handle.ts';

export interface JoinStormResult {
  clients: number;
  seconds: number;
  /** Why the storm did not finish, when it did not (e.g. clients dropped by an overloaded server). */
  failed?: string;
}

/**
 * Connects `count` clients (not timed), then times how long it takes them to
 * join one room, `batch` joins in flight at a time: until every join is
 * acknowledged and the first member has heard every later join (its diffs).
 */
export async function joinStorm(
  server: ServerHandle,
  { clients: count = 1000, batch = 100 } = {},
): Promise<JoinStormResult> {
  const clients = await connectClients(server.url, 'storm', count);
  const [first, ...rest] = clients as [BenchClient, ...BenchClient[]];
  try {
    const started = performance.now();
    await join(first);
    const heardAll = new Promise<void>((resolve) => {
      let heard = 0;
      first.on('presence:diff', ({ joined }) => {
        heard += joined.length;
        if (heard === rest.length) resolve();
      });
    });
    for (let start = 0; start < rest.length; start += batch) {
      await Promise.all(rest.slice(start, start + batch).map((client) => join(client)));
    }
    await heardAll;
    return { clients: count, seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    return { clients: count, seconds: Number.NaN, failed: String(error) };
  } finally {
    await disconnectAll(clients);
    await server.drained();
  }
}
