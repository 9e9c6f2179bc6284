import { performance } from 'node:perf_hooks';
import {
  type BenchClient,
  connectClient,
  connectClients,
  disconnectAll,
  join,
  joinAll,
} from '../clients.ts';
import type { ServerHandle } from '../server-handle.ts';

export interface PresencePoint {
  members: number;
  /** Bytes of events one existing member receives per join (socket.io frames of type EVENT). */
  bytesPerJoin: number;
  ackMs: number;
  diffMs: number;
}

/**
 * What one join costs the members already in a room, at 10, 50 and 200
 * members. Presence sends diffs, so the bytes an existing member receives per
 * join should not grow with the room. Each size runs on the same server, in a
 * room of its own.
 */
export async function presence(
  server: ServerHandle,
  { sizes = [10, 50, 200], joins = 5 } = {},
): Promise<PresencePoint[]> {
  const points: PresencePoint[] = [];
  for (const members of sizes) points.push(await measure(server, members, joins));
  return points;
}

async function measure(
  server: ServerHandle,
  members: number,
  joins: number,
): Promise<PresencePoint> {
  const room = `presence-${members}`;
  const clients = await connectClients(server.url, `m${members}`, members);
  try {
    await joinAll(clients, room);
    const observer = clients[0] as BenchClient;
    let bytes = 0;
    observer.io.engine.on('packet', ({ type, data }) => {
      // Engine.io `message` packets carry socket.io packets: `2[…]` is an EVENT, `3…` an ack (our own round trips).
      if (type === 'message' && typeof data === 'string' && data.startsWith('2')) {
        bytes += Buffer.byteLength(data);
      }
    });
    const counted = bytes;
    let ackMs = 0;
    let diffMs = 0;
    for (let n = 0; n < joins; n++) {
      // Same-length nicknames, so every join sends the same number of bytes.
      const newcomer = await connectClient(server.url, `newcomer-${members}-${n}`);
      clients.push(newcomer);
      const diff = new Promise<number>((resolve) =>
        observer.once('presence:diff', () => resolve(performance.now())),
      );
      const started = performance.now();
      await join(newcomer, room);
      ackMs += performance.now() - started;
      diffMs += (await diff) - started;
      // A round trip on the observer's own connection: whatever the join sent it has arrived.
      await observer.timeout(10_000).emitWithAck('room:list', {});
    }
    return {
      members,
      bytesPerJoin: (bytes - counted) / joins,
      ackMs: ackMs / joins,
      diffMs: diffMs / joins,
    };
  } finally {
    await disconnectAll(clients);
    await server.drained();
  }
}
