import type { Redis } from 'ioredis';
import type { SessionStore, SessionUser } from '../server/stores/session-store.ts';
import type { RedisKeys } from './keys.ts';
import { decode, defineScript } from './run-script.ts';

// Sessions: a hash token-hash → user, and a sorted set of when each was last
// used, so that past `maxSessions` the least recently used is forgotten, as
// in memory. Reading a session counts as using it.

const get = `
local json = redis.call('HGET', KEYS[1], ARGV[1])
if json then redis.call('ZADD', KEYS[2], redis.call('INCR', KEYS[3]), ARGV[1]) end
return json
`;

const set = `
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('ZADD', KEYS[2], redis.call('INCR', KEYS[3]), ARGV[1])
local extra = redis.call('ZCARD', KEYS[2]) - tonumber(ARGV[3])
if extra > 0 then
  local old = redis.call('ZRANGE', KEYS[2], 0, extra - 1)
  redis.call('ZREMRANGEBYRANK', KEYS[2], 0, extra - 1)
  redis.call('HDEL', KEYS[1], unpack(old))
end
return 1
`;

/** A {@link SessionStore} in Redis, bounded to `maxSessions`. */
export function createRedisSessionStore(
  client: Redis,
  keys: RedisKeys,
  maxSessions: number,
): SessionStore {
  const run = { get: defineScript(client, get), set: defineScript(client, set) };
  const sessionKeys = [keys.sessions, keys.sessionsUsed, keys.seq];
  return {
    async get(tokenHash) {
      const json = await run.get(sessionKeys, [tokenHash]);
      if (json === null) return undefined;
      const { userId, nickname } = decode<SessionUser>(json, 'a session');
      return { userId, nickname };
    },
    async set(tokenHash, { userId, nickname }) {
      await run.set(sessionKeys, [tokenHash, JSON.stringify({ userId, nickname }), maxSessions]);
    },
  };
}
