import type { ServerOptions } from 'socket.io';
import type { ChatCluster } from '../server/cluster.ts';
import type { ChatLogger } from '../server/options.ts';
import {
  createRedisStores,
  type RedisStores,
  type RedisStoresOptions,
} from './create-redis-stores.ts';
import { loadStreamsAdapter } from './load-packages.ts';
import { createHeartbeat } from './node-heartbeat.ts';
import { createOrderLock } from './order-lock.ts';
import { RedisStoreError } from './redis-store-error.ts';
import { watchStreamPosition } from './stream-position.ts';

/**
 * Options of {@link redisCluster}: those of `createRedisStores`, and the heartbeat's.
 *
 * @example
 * const options: RedisClusterOptions = { url: 'redis://127.0.0.1:6379', nodeId: 'web-1' };
 */
export interface RedisClusterOptions extends RedisStoresOptions {
  /** How often this node says it is alive, in ms. Default 5000. */
  heartbeatIntervalMs?: number;
  /**
   * A node silent for this long is dead: another node takes its members out
   * and announces them as left. Default 10 000, so a dead node's members are
   * announced within 15 s (timeout plus one beat). Keep it well above the interval.
   */
  nodeTimeoutMs?: number;
  /** Where the heartbeat reports a failed beat (Redis down). Default `console.warn`. */
  logger?: ChatLogger;
}

/**
 * What {@link redisCluster} answers: spread it into `createChatServer`'s options.
 *
 * @example
 * const { stores, cluster, serverOptions }: RedisCluster = redisCluster({ url });
 */
export interface RedisCluster {
  /** The Redis stores, shared by every node. */
  stores: RedisStores;
  /** The heartbeat; `chat.close()` stops it and closes the Redis connection. */
  cluster: ChatCluster;
  /** socket.io's Redis streams adapter, so that an emit on one node reaches sockets on all. */
  serverOptions: Partial<ServerOptions>;
}

/**
 * Makes a chat server one node of a cluster: every node started with the
 * same Redis (and prefix) is the same chat. A message sent through node A
 * reaches members on B and C once, a late joiner anywhere gets the same
 * history, every node answers the same member list, nicknames are unique
 * across the cluster, whispers reach the two users' tabs wherever they are,
 * and a node that dies has its members announced as left by the others
 * (within `nodeTimeoutMs` plus one heartbeat).
 *
 * It brings socket.io's Redis streams adapter (which, unlike the pub/sub
 * one, resumes after a Redis hiccup and keeps connection state recovery
 * working across nodes), the Redis stores, and a heartbeat. If Redis
 * restarts empty, each node notices at its next beat and drops its
 * connections; the clients reconnect, and register and join again.
 *
 * `serverOptions` only applies when `createChatServer` creates the socket.io
 * server; given your own, set `adapter: cluster.serverOptions.adapter` on it.
 * Given other `serverOptions` too, merge them: `serverOptions: { ...redis.serverOptions, … }`.
 *
 * Needs `ioredis` and `@socket.io/redis-streams-adapter` (optional peer dependencies).
 *
 * @throws {@link RedisStoreError} `package_missing` without them, `invalid_option` for a bad option.
 *
 * @example
 * import { createServer } from 'node:http';
 * import { createChatServer } from '@funws/chat/server';
 * import { redisCluster } from '@funws/chat/redis';
 *
 * const httpServer = createServer();
 * const chat = createChatServer(httpServer, {
 *   rooms: ['general', 'random'],
 *   ...redisCluster({ url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' }),
 * });
 * httpServer.listen(Number(process.env.PORT ?? 3000), '127.0.0.1');
 * process.once('SIGTERM', () => chat.close()); // also closes the Redis connection
 */
export function redisCluster(options: RedisClusterOptions = {}): RedisCluster {
  const intervalMs = options.heartbeatIntervalMs ?? 5000;
  const timeoutMs = options.nodeTimeoutMs ?? 10_000;
  check('heartbeatIntervalMs', intervalMs, Number.isFinite(intervalMs) && intervalMs > 0);
  check('nodeTimeoutMs', timeoutMs, Number.isFinite(timeoutMs) && timeoutMs > intervalMs);
  const createAdapter = loadStreamsAdapter();
  const stores = createRedisStores(options);
  const prefix = stores.keys.prefix;
  const streamName = `${prefix}socket.io`;
  // The adapter gets a connection of its own whose commands wait for Redis
  // however long it is away (`maxRetriesPerRequest: null`). The streams adapter
  // does not catch a failed SUBSCRIBE or publish: on the stores' connection,
  // which gives up after 20 retries (so that a request fails with a typed
  // error), a Redis down for ~10 s would end the process with an unhandled
  // rejection. Its connection errors are reported by the heartbeat instead.
  const adapterClient = stores.client.duplicate({ maxRetriesPerRequest: null });
  adapterClient.on('error', () => {});
  const heartbeat = createHeartbeat(stores, { intervalMs, timeoutMs, logger: options.logger });
  const position = watchStreamPosition(
    createAdapter(adapterClient, {
      streamName,
      channelPrefix: streamName,
      sessionKeyPrefix: `${prefix}sio:session:`,
    }) as unknown as NonNullable<ServerOptions['adapter']>,
    stores.client,
    streamName,
  );
  return {
    stores,
    cluster: {
      start: heartbeat.start,
      async stop() {
        await heartbeat.stop();
        adapterClient.disconnect();
      },
      inOrder: createOrderLock(stores.client, stores.keys, { caughtUp: position.caughtUp }),
    },
    serverOptions: { adapter: position.adapter },
  };
}

function check(name: string, value: number, valid: boolean): void {
  if (valid) return;
  const expected =
    name === 'nodeTimeoutMs'
      ? 'a number of milliseconds greater than heartbeatIntervalMs'
      : 'a positive number of milliseconds';
  throw new RedisStoreError(
    'invalid_option',
    `redisCluster: options.${name} is ${String(value)}; expected ${expected}.`,
  );
}
