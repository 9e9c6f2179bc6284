// One server under measurement, in a process of its own so that its heap holds
// the server and nothing of the clients. Started by `server-handle.ts` with
// `--expose-gc`; it listens on 127.0.0.1 (port 0) and answers the parent's
// requests over the IPC channel:
//
//   { type: 'stats' }                → { type: 'stats', stats } (no collection)
//   { type: 'heap' }                 → { type: 'heap', heapUsed, rss, stats }
//   { type: 'snapshot', file }       → writes a heap snapshot there → { type: 'snapshot', file }
//
// BENCH_KIND is `chat` (createChatServer with a generous rate limit: the
// benchmark's clients are fast on purpose), `cluster` (the same, as one node
// of a Redis cluster: BENCH_REDIS_URL, BENCH_REDIS_PREFIX) or `bare` (./bare-server.ts).
// BENCH_RECOVERY_MS is the chat's connection-state-recovery window.

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeHeapSnapshot } from 'node:v8';
import type { Server } from 'socket.io';
import { redisCluster } from '../src/redis/index.ts';
import { createChatServer } from '../src/server/index.ts';
import { createBareServer } from './bare-server.ts';

export type ServerKind = 'chat' | 'cluster' | 'bare';

export type ParentMessage =
  | { type: 'stats' }
  | { type: 'heap' }
  | { type: 'snapshot'; file: string };

export interface ServerStats {
  sockets: number;
  /** socket.io's connection-state-recovery memory, when the adapter keeps it. */
  recoverySessions?: number;
  recoveryPackets?: number;
}

export type ChildMessage =
  | { type: 'listening'; port: number }
  | { type: 'stats'; stats: ServerStats }
  | { type: 'heap'; heapUsed: number; rss: number; stats: ServerStats }
  | { type: 'snapshot'; file: string };

const kind = (process.env.BENCH_KIND ?? 'chat') as ServerKind;
const recoveryMs = Number(process.env.BENCH_RECOVERY_MS ?? 10_000);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('server-process.ts needs --expose-gc (server-handle.ts passes it).');

// An overloaded server (or client process, with a backlog of messages before
// the ping) answers pings late, and socket.io drops a connection whose pong is
// 20 s late. Both servers allow ten minutes, so that a slow run is measured
// instead of cut short.
const pingTimeout = 600_000;

const cluster =
  kind === 'cluster'
    ? redisCluster({
        url: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379',
        prefix: process.env.BENCH_REDIS_PREFIX ?? 'bench:',
      })
    : undefined;

const httpServer = createServer();
const io: Server =
  kind === 'bare'
    ? createBareServer(httpServer, { pingTimeout })
    : (createChatServer(httpServer, {
        allowRoomCreation: true,
        limits: { rateLimit: { burst: 1_000_000, perSecond: 1_000_000 } },
        ...cluster,
        serverOptions: {
          ...cluster?.serverOptions,
          pingTimeout,
          connectionStateRecovery: { maxDisconnectionDuration: recoveryMs, skipMiddlewares: true },
        },
      }).io as unknown as Server);

function stats(): ServerStats {
  const adapter = io.of('/').adapter as unknown as {
    sessions?: Map<unknown, unknown>;
    packets?: unknown[];
  };
  return {
    sockets: io.of('/').sockets.size,
    ...(adapter.sessions ? { recoverySessions: adapter.sessions.size } : {}),
    ...(adapter.packets ? { recoveryPackets: adapter.packets.length } : {}),
  };
}

async function collect(): Promise<void> {
  // Several rounds with turns of the event loop between them: finalizers and
  // weak references clear over more than one collection.
  for (let round = 0; round < 4; round++) {
    gc?.();
    await new Promise((resolve) => setImmediate(resolve));
  }
}

function reply(message: ChildMessage): void {
  process.send?.(message);
}

process.on('message', async (message: ParentMessage) => {
  if (message.type === 'stats') {
    reply({ type: 'stats', stats: stats() });
  } else if (message.type === 'heap') {
    await collect();
    const { heapUsed, rss } = process.memoryUsage();
    reply({ type: 'heap', heapUsed, rss, stats: stats() });
  } else if (message.type === 'snapshot') {
    await collect();
    reply({ type: 'snapshot', file: writeHeapSnapshot(message.file) });
  }
});
process.on('disconnect', () => process.exit(0));

httpServer.listen(0, '127.0.0.1', () => {
  reply({ type: 'listening', port: (httpServer.address() as AddressInfo).port });
});
