import type { Redis } from 'ioredis';
import type { TypingStore } from '../server/stores/typing-store.ts';
import type { RedisKeys } from './keys.ts';
import { defineScript } from './run-script.ts';

// Typists of a room: a sorted set by the order they started and a hash of
// their expiry. Every node reads and writes the same two keys, so a typist
// on node A is in the list node B answers.

const start = `
local previous = tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '0')
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
if previous > tonumber(ARGV[3]) then return 0 end
redis.call('ZADD', KEYS[1], redis.call('INCR', KEYS[3]), ARGV[1])
return 1
`;

const stop = `
local expiresAt = redis.call('HGET', KEYS[2], ARGV[1])
if not expiresAt then return 0 end
if ARGV[2] ~= '' and tonumber(expiresAt) > tonumber(ARGV[2]) then return 0 end
redis.call('HDEL', KEYS[2], ARGV[1])
redis.call('ZREM', KEYS[1], ARGV[1])
return 1
`;

const typists = `
local out = {}
for _, userId in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
  local expiresAt = tonumber(redis.call('HGET', KEYS[2], userId) or '0')
  if expiresAt > tonumber(ARGV[1]) then table.insert(out, userId) end
end
return out
`;

/** A {@link TypingStore} in Redis, shared by every node. */
export function createRedisTypingStore(client: Redis, keys: RedisKeys): TypingStore {
  const run = {
    start: defineScript(client, start),
    stop: defineScript(client, stop),
    typists: defineScript(client, typists),
  };
  const roomKeys = (room: string) => [keys.typingOrder(room), keys.typingExpiry(room)];
  return {
    async start(room, userId, expiresAt, now) {
      return (await run.start([...roomKeys(room), keys.seq], [userId, expiresAt, now])) === 1;
    },
    async stop(room, userId, expiredBy) {
      return (await run.stop(roomKeys(room), [userId, expiredBy ?? ''])) === 1;
    },
    async typists(room, now) {
      return (await run.typists(roomKeys(room), [now])) as string[];
    },
  };
}
