import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import { newId } from '../server/new-id.ts';
import type { RedisKeys } from './keys.ts';
import { defineScript, guard } from './run-script.ts';

// Why a lock, when every store write is atomic already: a poll's counts, a
// message's reactions and a room's typists are sent whole, and two nodes
// that each write and then broadcast can have their broadcasts cross, the
// older arriving last, so every client would keep stale counts. Holding a
// short lock across "write, then emit" puts the emits in the stream in the
// order of the writes. The emit's XADD goes out on the same connection
// before the release, so Redis has it before the next holder can write.
// And before it writes, a holder waits until its node has delivered what is
// in the stream already (stream-position.ts): its own sockets get its emit at
// once, and must have had the earlier ones from other nodes first.

const release = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

/** Runs `run` while holding the cluster-wide lock `key`; see the comment above. */
export type InOrder = <T>(key: string, run: () => Promise<T>) => Promise<T>;

/**
 * Creates {@link InOrder} on `client`: a local queue per key (so one node
 * does not contend with itself), then a Redis lock (`SET NX PX`) that
 * expires by itself after `leaseMs`, should its holder die.
 */
export function createOrderLock(
  client: Redis,
  keys: RedisKeys,
  {
    caughtUp = async () => {},
    leaseMs = 2000,
  }: {
    /** Waits until this node has delivered what other nodes emitted before (stream-position.ts). */
    caughtUp?: () => Promise<void>;
    leaseMs?: number;
  } = {},
): InOrder {
  const unlock = defineScript(client, release);
  const local = new Map<string, Promise<void>>();
  const holdRedisLock = async <T>(key: string, run: () => Promise<T>): Promise<T> => {
    const lockKey = `${keys.prefix}lock:${key}`;
    const token = newId();
    for (let attempt = 0; ; attempt += 1) {
      const got = await guard(client, () => client.set(lockKey, token, 'PX', leaseMs, 'NX'));
      if (got === 'OK') break;
      await sleep(Math.min(1 + attempt, 10));
    }
    try {
      await caughtUp();
      return await run();
    } finally {
      await unlock([lockKey], [token]);
    }
  };
  return (key, run) => {
    const previous = local.get(key) ?? Promise.resolve();
    const result = previous.then(() => holdRedisLock(key, run));
    const settled = result.then(
      () => {},
      () => {},
    );
    local.set(key, settled);
    void settled.then(() => {
      if (local.get(key) === settled) local.delete(key);
    });
    return result;
  };
}
