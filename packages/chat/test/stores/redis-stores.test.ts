import { randomUUID } from 'node:crypto';
import { type RedisServer, startRedisServer } from '@funws/testkit/redis';
import { afterAll, beforeAll } from 'vitest';
import { createRedisStores, type RedisStores } from '../../src/redis/index.ts';
import { describeStores } from './contract/describe-stores.ts';

// The contract on a real redis-server of this file's own, each case under a
// prefix of its own. A restart is a new process of the same node: new
// connection, same node id, same data in Redis.

let redis: RedisServer;

beforeAll(async () => {
  redis = await startRedisServer();
});

afterAll(async () => {
  await redis?.stop();
});

describeStores('Redis', {
  persistent: true,
  make: async ({ maxSessions } = {}) => {
    const options = {
      url: redis.url,
      prefix: `contract-${randomUUID()}:`,
      nodeId: 'node-a',
      ...(maxSessions === undefined ? {} : { maxSessions }),
    };
    let stores: RedisStores = createRedisStores(options);
    await stores.ready;
    return {
      stores,
      restart: async () => {
        await stores.close();
        stores = createRedisStores(options);
        await stores.ready;
        return stores;
      },
      cleanup: () => stores.close(),
    };
  },
});
