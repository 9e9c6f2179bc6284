import type { Redis } from 'ioredis';
import { nicknameKey, type OnlineStore, type OnlineUser } from '../server/stores/online-store.ts';
import type { RedisKeys } from './keys.ts';
import { decode, defineScript, guard } from './run-script.ts';

// Who is online, over every node, and the nicknames they hold. Claiming a
// nickname is one script (is the user known? is the nickname held? take
// it), so of 50 clients racing for one nickname through three nodes exactly
// one gets it. Like presence, each node keeps its own socket count per user,
// for the reaper.

const connect = `
local known = redis.call('HGET', KEYS[1], ARGV[1])
if not known then
  if redis.call('HGET', KEYS[3], ARGV[3]) then return {0} end
  redis.call('HSET', KEYS[3], ARGV[3], ARGV[1])
  redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
  known = ARGV[2]
end
redis.call('HINCRBY', KEYS[4], ARGV[1], 1)
redis.call('HINCRBY', KEYS[5], ARGV[1], 1)
return {1, known}
`;

const disconnect = `
local mine = tonumber(redis.call('HGET', KEYS[5], ARGV[1]) or '0')
if mine <= 0 then return 0 end
if mine == 1 then redis.call('HDEL', KEYS[5], ARGV[1]) else redis.call('HINCRBY', KEYS[5], ARGV[1], -1) end
local total = redis.call('HINCRBY', KEYS[4], ARGV[1], -1)
if total > 0 then return 0 end
local key = redis.call('HGET', KEYS[2], ARGV[1])
if key and redis.call('HGET', KEYS[3], key) == ARGV[1] then redis.call('HDEL', KEYS[3], key) end
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[2], ARGV[1])
redis.call('HDEL', KEYS[4], ARGV[1])
return 1
`;

/** An {@link OnlineStore} in Redis, for the node `nodeId`. */
export function createRedisOnlineStore(
  client: Redis,
  keys: RedisKeys,
  nodeId: string,
): OnlineStore {
  const run = {
    connect: defineScript(client, connect),
    disconnect: defineScript(client, disconnect),
  };
  const onlineKeys = [
    keys.onlineUsers,
    keys.onlineKeys,
    keys.onlineNicknames,
    keys.onlineSockets,
    keys.onlineOfNode(nodeId),
  ];
  const parse = (json: unknown): OnlineUser => {
    const { userId, nickname } = decode<OnlineUser>(json, 'an online user');
    return { userId, nickname };
  };
  return {
    async connect(user) {
      const [ok, json] = (await run.connect(onlineKeys, [
        user.userId,
        JSON.stringify({ userId: user.userId, nickname: user.nickname }),
        nicknameKey(user.nickname),
      ])) as [number, string?];
      return ok === 1 ? { ok: true, user: parse(json) } : { ok: false, reason: 'taken' };
    },
    async disconnect(userId) {
      return (await run.disconnect(onlineKeys, [userId])) === 1;
    },
    async get(userId) {
      const json = await guard(client, () => client.hget(keys.onlineUsers, userId));
      return json === null ? undefined : parse(json);
    },
  };
}
