import type { Redis } from 'ioredis';
import type { ClusterDeparture } from '../server/cluster.ts';
import { newId } from '../server/new-id.ts';
import type { ChatStores } from '../server/stores/memory-stores.ts';
import { keysFor, type RedisKeys } from './keys.ts';
import { loadIoredis } from './load-packages.ts';
import { createReaper, type ReapNode } from './node-reaper.ts';
import { createRedisCanvasStore } from './redis-canvas-store.ts';
import { createRedisHistoryStore } from './redis-history-store.ts';
import { createRedisOnlineStore } from './redis-online-store.ts';
import { createRedisPollStore } from './redis-poll-store.ts';
import { createRedisPresenceStore } from './redis-presence-store.ts';
import { createRedisRoomStore } from './redis-room-store.ts';
import { createRedisSessionStore } from './redis-session-store.ts';
import { RedisStoreError } from './redis-store-error.ts';
import { createRedisTypingStore } from './redis-typing-store.ts';
import { markClosed } from './run-script.ts';

/**
 * Options of {@link createRedisStores}. All optional.
 *
 * @example
 * const options: RedisStoresOptions = { url: 'redis://127.0.0.1:6379', prefix: 'class-300:' };
 */
export interface RedisStoresOptions {
  /** Where Redis is, e.g. `redis://127.0.0.1:6379` (ioredis's URL format). Default that one. */
  url?: string;
  /** An ioredis client of your own instead of `url`; `close()` leaves it open. */
  client?: Redis;
  /** What every key starts with, so several chats can share one Redis. Default `funws:`. */
  prefix?: string;
  /**
   * This server process's name in the cluster. Default: a new random one per
   * process. Give a stable one (e.g. the host name) and a restarted process
   * clears what its previous life left behind at once, instead of after the
   * others' heartbeat timeout.
   */
  nodeId?: string;
  /** Sessions kept; the least recently used is forgotten past this. Default 10 000, as in memory. */
  maxSessions?: number;
}

/**
 * The chat's stores in Redis, shared by every server process using the same
 * Redis and prefix, plus what a cluster needs around them.
 *
 * @example
 * const stores: RedisStores = createRedisStores({ url: 'redis://127.0.0.1:6379' });
 * await stores.ready;
 * await stores.rooms.list();
 * await stores.close();
 */
export interface RedisStores extends ChatStores {
  /** The ioredis client the stores use. */
  readonly client: Redis;
  /** This process's name in the cluster. */
  readonly nodeId: string;
  /** The key names, under the prefix. */
  readonly keys: RedisKeys;
  /**
   * Resolves once what an earlier process with the same `nodeId` left behind
   * (members, online users) is cleared, with the members it had, so that a
   * cluster can tell their rooms they left.
   */
  readonly ready: Promise<ClusterDeparture[]>;
  /** Takes a node's sockets out of the shared state (see `redisCluster`'s heartbeat). */
  readonly reapNode: ReapNode;
  /** Closes the Redis connection, unless it was given as `client`. Calling it again is harmless. */
  close(): Promise<void>;
}

/**
 * Connects to Redis and answers the chat's stores on it, for
 * `createChatServer`'s `stores` option: rooms, history, sessions, polls,
 * the canvas, typing, presence and online users, consistent across every
 * server process using the same Redis and prefix. For several processes,
 * use {@link redisCluster}, which adds the socket.io adapter and the
 * heartbeat that notices a dead process.
 *
 * What lasts is what Redis keeps: with `--save ""` and no AOF, a Redis
 * restart forgets the chat (see `redisCluster` for how nodes recover).
 *
 * Needs the `ioredis` package (an optional peer dependency). The client
 * connects in the background and queues commands until it is connected.
 *
 * @throws {@link RedisStoreError} `package_missing` without ioredis, `invalid_option` for a bad option.
 *
 * @example
 * import { createRedisStores } from '@funws/chat/redis';
 *
 * const stores = createRedisStores({ url: 'redis://127.0.0.1:6379' });
 * createChatServer(httpServer, { stores });
 */
export function createRedisStores(options: RedisStoresOptions = {}): RedisStores {
  const maxSessions = options.maxSessions ?? 10_000;
  const prefix = options.prefix ?? 'funws:';
  const nodeId = options.nodeId ?? newId();
  check(
    'maxSessions',
    maxSessions,
    Number.isInteger(maxSessions) && maxSessions > 0,
    'a positive integer',
  );
  check('prefix', prefix, typeof prefix === 'string', 'a string');
  check(
    'nodeId',
    nodeId,
    /^[\w.-]{1,64}$/.test(nodeId),
    'letters, digits, ".", "_" or "-", at most 64',
  );
  const owned = options.client === undefined;
  const client = options.client ?? connect(options.url ?? 'redis://127.0.0.1:6379');
  const keys = keysFor(prefix);
  const reapNode = createReaper(client, keys);
  const ready = reapNode(nodeId, { force: true });
  // A caller that never awaits `ready` must not get an unhandled rejection; the chat awaits it.
  ready.catch(() => {});
  let closed = false;
  return {
    client,
    nodeId,
    keys,
    ready,
    reapNode,
    sessions: createRedisSessionStore(client, keys, maxSessions),
    online: createRedisOnlineStore(client, keys, nodeId),
    rooms: createRedisRoomStore(client, keys),
    presence: createRedisPresenceStore(client, keys, nodeId),
    history: createRedisHistoryStore(client, keys),
    polls: createRedisPollStore(client, keys),
    canvas: createRedisCanvasStore(client, keys),
    typing: createRedisTypingStore(client, keys),
    async close() {
      if (closed || !owned) return;
      closed = true;
      markClosed(client);
      // QUIT waits for Redis to answer; with Redis away, just drop the connection (and what it queued).
      if (client.status === 'ready') await client.quit().catch(() => client.disconnect());
      else client.disconnect();
    },
  };
}

function connect(url: string): Redis {
  const Redis = loadIoredis();
  try {
    // Retries forever with a capped backoff: a Redis restart must not end the chat.
    const client = new Redis(url, { retryStrategy: (times) => Math.min(50 * times, 1000) });
    // ioredis reconnects by itself; a failing command rejects (and the heartbeat reports it),
    // so the connection's own error events need not be printed as "unhandled".
    client.on('error', () => {});
    return client;
  } catch (error) {
    throw new RedisStoreError(
      'invalid_option',
      `createRedisStores: options.url ${JSON.stringify(url)} is not a Redis URL; expected e.g. redis://127.0.0.1:6379.`,
      { cause: error },
    );
  }
}

function check(name: string, value: unknown, valid: boolean, expected: string): void {
  if (valid) return;
  throw new RedisStoreError(
    'invalid_option',
    `createRedisStores: options.${name} is ${JSON.stringify(value)}; expected ${expected}.`,
  );
}
