import { randomUUID } from 'node:crypto';
import { type RedisServer, startRedisServer } from '@funws/testkit/redis';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createRedisStores,
  isRedisStoreError,
  type RedisStores,
  redisCluster,
} from '../../src/redis/index.ts';
import { member } from './contract/samples.ts';

// What the contract cannot say: several nodes' stores on one Redis, as the
// processes of a cluster have them, and how the Redis stores fail.

let redis: RedisServer;
const opened: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  redis = await startRedisServer();
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((each) => each.close()));
});
afterAll(async () => {
  await redis?.stop();
});

/** The stores of `count` nodes sharing one fresh prefix. */
async function nodes(count: number): Promise<RedisStores[]> {
  const prefix = `nodes-${randomUUID()}:`;
  const made = Array.from({ length: count }, (_, i) =>
    createRedisStores({ url: redis.url, prefix, nodeId: `node-${i}` }),
  );
  opened.push(...made);
  await Promise.all(made.map((stores) => stores.ready));
  return made;
}

describe('the Redis stores of several nodes', () => {
  it('count one member for a user with sockets on two nodes, who leaves with the last', async () => {
    const [a, b] = (await nodes(2)) as [RedisStores, RedisStores];
    const ada = member('u-ada', 'ada');
    expect((await a.presence.add('general', ada)).joined).toBe(true);
    expect((await b.presence.add('general', ada)).joined).toBe(false);
    expect(await b.presence.members('general')).toEqual([ada]);
    expect(await a.presence.remove('general', 'u-ada')).toBe(false);
    // A node cannot take out a socket it never counted.
    expect(await a.presence.remove('general', 'u-ada')).toBe(false);
    expect(await a.presence.count('general')).toBe(1);
    expect(await b.presence.remove('general', 'u-ada')).toBe(true);
    expect(await a.presence.count('general')).toBe(0);
  });

  it('give a nickname to exactly one of many users claiming it through three nodes at once', async () => {
    const stores = await nodes(3);
    const claims = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        stores[i % 3]!.online.connect({ userId: `u-${i}`, nickname: i % 2 ? 'Zed' : 'ｚｅｄ' }),
      ),
    );
    expect(claims.filter((claim) => claim.ok)).toHaveLength(1);
  });

  it('create at most max rooms however many nodes race for the last ones', async () => {
    const stores = await nodes(3);
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => stores[i % 3]!.rooms.create(`room-${i}`, 10)),
    );
    expect(results.filter((result) => result === 'created')).toHaveLength(10);
    expect(await stores[0]!.rooms.list()).toHaveLength(10);
  });

  it('reap a dead node once: its users leave where no other node holds them', async () => {
    const [a, b, c] = (await nodes(3)) as [RedisStores, RedisStores, RedisStores];
    await a.client.zadd(a.keys.nodes, 0, 'node-1');
    await b.online.connect({ userId: 'u-bob', nickname: 'bob' });
    await b.presence.add('general', member('u-bob'));
    await b.presence.add('random', member('u-ada'));
    await a.presence.add('random', member('u-ada'));
    const [first, second] = await Promise.all([a.reapNode('node-1'), c.reapNode('node-1')]);
    expect([...first, ...second]).toEqual([{ room: 'general', userId: 'u-bob' }]);
    expect(await c.presence.members('general')).toEqual([]);
    expect(await c.presence.members('random')).toEqual([member('u-ada')]);
    expect(await c.online.get('u-bob')).toBeUndefined();
    expect(await c.online.connect({ userId: 'u-new', nickname: 'bob' })).toMatchObject({
      ok: true,
    });
  });

  it('clear what an earlier life of the same node id left, on start', async () => {
    const prefix = `restart-${randomUUID()}:`;
    const before = createRedisStores({ url: redis.url, prefix, nodeId: 'web-1' });
    await before.ready;
    await before.presence.add('general', member('u-ghost'));
    await before.online.connect({ userId: 'u-ghost', nickname: 'ghost' });
    await before.close();
    const after = createRedisStores({ url: redis.url, prefix, nodeId: 'web-1' });
    opened.push(after);
    expect(await after.ready).toEqual([{ room: 'general', userId: 'u-ghost' }]);
    expect(await after.presence.count('general')).toBe(0);
    expect(await after.online.get('u-ghost')).toBeUndefined();
  });
});

describe('the Redis stores’ errors', () => {
  it('refuse a bad option, saying what was expected', () => {
    expect(() => createRedisStores({ nodeId: 'has spaces', url: redis.url })).toThrow(
      /options\.nodeId is "has spaces"; expected letters, digits/,
    );
    expect(() =>
      redisCluster({ url: redis.url, heartbeatIntervalMs: 5000, nodeTimeoutMs: 1000 }),
    ).toThrow(expect.objectContaining({ code: 'invalid_option' }));
  });

  it('say Redis is unreachable, and how to fix it, when nobody answers', async () => {
    const client = new Redis('redis://127.0.0.1:1', {
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
      lazyConnect: true,
    });
    client.on('error', () => {});
    const stores = createRedisStores({ client, prefix: 'nobody:' });
    const failure = await stores.rooms.list().catch((error: unknown) => error);
    expect(isRedisStoreError(failure)).toBe(true);
    expect(failure).toMatchObject({ code: 'unreachable' });
    expect(String((failure as Error).message)).toMatch(/redis-server is running/);
    client.disconnect();
  });

  it('say another program uses the prefix when a key holds what the stores did not write', async () => {
    const [a] = (await nodes(1)) as [RedisStores];
    await a.client.rpush(a.keys.canvas('general'), 'not json');
    const failure = await a.canvas.list('general').catch((error: unknown) => error);
    expect(failure).toMatchObject({ name: 'RedisStoreError', code: 'bad_data' });
    expect(String((failure as Error).message)).toMatch(/same key prefix/);
  });

  it('say the stores were closed when used after close()', async () => {
    const stores = createRedisStores({ url: redis.url, prefix: `closed-${randomUUID()}:` });
    await stores.ready;
    await stores.close();
    await expect(stores.rooms.list()).rejects.toMatchObject({ code: 'closed' });
  });
});
