// A chat server in a process of its own, for the restart tests: started by
// ./chat-process-handle.ts, killed, and started again on the same port.
//
//   PORT              the port on 127.0.0.1 (0: any free port; the first start uses it)
//   CHAT_STORES       memory | sqlite:<file> | redis:<url> — which stores the server keeps its
//                     state in; redis: makes it one node of a cluster (redisCluster), with
//   CHAT_REDIS_PREFIX, CHAT_NODE_ID, CHAT_HEARTBEAT_MS, CHAT_NODE_TIMEOUT_MS  its options
//   CHAT_ROOM_CREATION 1: clients may create rooms (allowRoomCreation)
//   CHAT_TYPING_TIMEOUT_MS  limits.typingTimeoutMs (default: the library's)
//   CHAT_RECOVERY_MS  the connection-state-recovery window (default: the library's)
//   CHAT_HELD         1: refuse every connection except the "crew" (query `crew=1`)
//                     until a line `open` arrives on stdin. The tests use it to be sure
//                     their clients are away while others talk.
//
// It prints one JSON line on stdout per milestone: { "listening": port }, { "open": true },
// and { "logged": message } for each error the chat reports to its logger.
// SIGTERM closes the chat gracefully; SIGKILL is the crash.

import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import {
  type ChatServerOptions,
  type ChatStores,
  createChatServer,
  createMemoryStores,
  createOriginCheck,
} from '@funws/chat/server';

type Stores = Pick<ChatServerOptions, 'cluster' | 'serverOptions'> & {
  stores: ChatStores;
  close?(): Promise<void>;
};

/** The stores CHAT_STORES names (and the cluster, for Redis), and how to close them after the chat. */
async function storesFrom(spec: string): Promise<Stores> {
  if (spec === 'memory') return { stores: createMemoryStores() };
  if (spec.startsWith('sqlite:')) {
    // Imported only here, so the memory case runs without the SQLite binding.
    const { createSqliteStores } = await import('@funws/chat/sqlite');
    const stores = createSqliteStores(spec.slice('sqlite:'.length));
    return { stores, close: () => stores.close() };
  }
  if (spec.startsWith('redis:')) {
    const { redisCluster } = await import('@funws/chat/redis');
    const env = process.env;
    // chat.close() stops the heartbeat and closes the Redis connection.
    return redisCluster({
      url: spec.slice('redis:'.length),
      ...(env.CHAT_REDIS_PREFIX ? { prefix: env.CHAT_REDIS_PREFIX } : {}),
      ...(env.CHAT_NODE_ID ? { nodeId: env.CHAT_NODE_ID } : {}),
      ...(env.CHAT_HEARTBEAT_MS ? { heartbeatIntervalMs: Number(env.CHAT_HEARTBEAT_MS) } : {}),
      ...(env.CHAT_NODE_TIMEOUT_MS ? { nodeTimeoutMs: Number(env.CHAT_NODE_TIMEOUT_MS) } : {}),
    });
  }
  throw new Error(`CHAT_STORES=${spec}: expected memory, sqlite:<file> or redis:<url>.`);
}

const port = Number(process.env.PORT ?? 0);
const {
  stores,
  cluster,
  serverOptions,
  close: closeStores,
} = await storesFrom(process.env.CHAT_STORES ?? 'memory');
let held = process.env.CHAT_HELD === '1';

const sameOrigin = createOriginCheck();
const isCrew = (request: IncomingMessage) =>
  new URL(request.url ?? '/', 'http://localhost').searchParams.get('crew') === '1';

const say = (milestone: Record<string, unknown>) =>
  process.stdout.write(`${JSON.stringify(milestone)}\n`);

const httpServer = createServer();
const chat = createChatServer(httpServer, {
  // What the chat reports goes to stderr as usual, and its first line to the test as a milestone.
  logger: {
    error(message, error) {
      console.warn(`[@funws/chat] ${message}`, error);
      say({ logged: message });
    },
  },
  rooms: ['general', 'random'],
  stores,
  ...(cluster ? { cluster } : {}),
  allowRoomCreation: process.env.CHAT_ROOM_CREATION === '1',
  ...(process.env.CHAT_TYPING_TIMEOUT_MS
    ? { limits: { typingTimeoutMs: Number(process.env.CHAT_TYPING_TIMEOUT_MS) } }
    : {}),
  ...(process.env.CHAT_RECOVERY_MS
    ? { recoveryWindowMs: Number(process.env.CHAT_RECOVERY_MS) }
    : {}),
  serverOptions: {
    ...serverOptions,
    allowRequest: (request, callback) => {
      if (held && !isCrew(request))
        return callback('held: the test has not opened the doors', false);
      sameOrigin(request, callback);
    },
  },
});

createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() !== 'open') return;
  held = false;
  say({ open: true });
});
process.on('SIGTERM', async () => {
  await chat.close();
  await closeStores?.();
  process.exit(0);
});

httpServer.listen(port, '127.0.0.1', () => {
  say({ listening: (httpServer.address() as AddressInfo).port });
});
