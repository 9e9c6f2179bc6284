/**
 * Many server processes, one chat: `redisCluster({ url })` makes
 * `createChatServer` one node of a cluster sharing Redis, through
 * socket.io's Redis streams adapter (messages reach every node, and
 * connection state recovery keeps working) and Redis-backed stores
 * (presence, history, nicknames, typing, polls… consistent on every node),
 * with a heartbeat that announces a dead node's members as left.
 * Needs `ioredis` and `@socket.io/redis-streams-adapter` (optional peer
 * dependencies: `npm install ioredis @socket.io/redis-streams-adapter`).
 *
 * @example
 * import { createServer } from 'node:http';
 * import { createChatServer } from '@funws/chat/server';
 * import { redisCluster } from '@funws/chat/redis';
 *
 * const httpServer = createServer();
 * createChatServer(httpServer, { rooms: ['general'], ...redisCluster({ url: 'redis://127.0.0.1:6379' }) });
 * httpServer.listen(Number(process.env.PORT ?? 3000), '127.0.0.1');
 *
 * @module
 */

export type { RedisStores, RedisStoresOptions } from './create-redis-stores.ts';
export { createRedisStores } from './create-redis-stores.ts';
export type { RedisKeys } from './keys.ts';
export type { ReapNode } from './node-reaper.ts';
export type { RedisCluster, RedisClusterOptions } from './redis-cluster.ts';
export { redisCluster } from './redis-cluster.ts';
export type { RedisStoreErrorCode } from './redis-store-error.ts';
export { isRedisStoreError, RedisStoreError, redisStoreErrorCodes } from './redis-store-error.ts';
