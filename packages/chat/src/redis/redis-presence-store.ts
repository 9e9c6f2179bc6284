import type { Redis } from 'ioredis';
import type { Member } from '../protocol/index.ts';
import type { PresenceStore } from '../server/stores/presence-store.ts';
import type { RedisKeys } from './keys.ts';
import { decode, defineScript, guard } from './run-script.ts';

// Presence across nodes: a room's members (hash user → member JSON, and a
// sorted set for the order they joined), the user's socket count over every
// node (which decides joined/left), and each node's own count per user, so
// that when a node dies its sockets can be taken out (node-reaper.ts).
// The user joins with their first socket on any node and leaves with their
// last: two tabs on two nodes are one member.

const add = `
redis.call('HINCRBY', KEYS[4], ARGV[1], 1)
redis.call('SADD', KEYS[5], ARGV[3])
local total = redis.call('HINCRBY', KEYS[3], ARGV[1], 1)
if total == 1 then
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
  redis.call('ZADD', KEYS[2], redis.call('INCR', KEYS[6]), ARGV[1])
  return {1, ARGV[2]}
end
return {0, redis.call('HGET', KEYS[1], ARGV[1])}
`;

// Only a socket this node counted can leave: a clean-up that runs after the
// node's entries were reaped (or after Redis lost them) changes nothing.
const remove = `
local mine = tonumber(redis.call('HGET', KEYS[4], ARGV[1]) or '0')
if mine <= 0 then return 0 end
if mine == 1 then redis.call('HDEL', KEYS[4], ARGV[1]) else redis.call('HINCRBY', KEYS[4], ARGV[1], -1) end
local total = redis.call('HINCRBY', KEYS[3], ARGV[1], -1)
if total > 0 then return 0 end
redis.call('HDEL', KEYS[3], ARGV[1])
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('ZREM', KEYS[2], ARGV[1])
return 1
`;

const members = `
local ids = redis.call('ZRANGE', KEYS[2], 0, -1)
if #ids == 0 then return {} end
return redis.call('HMGET', KEYS[1], unpack(ids))
`;

/** A {@link PresenceStore} in Redis, for the node `nodeId`. */
export function createRedisPresenceStore(
  client: Redis,
  keys: RedisKeys,
  nodeId: string,
): PresenceStore {
  const run = {
    add: defineScript(client, add),
    remove: defineScript(client, remove),
    members: defineScript(client, members),
  };
  const roomKeys = (room: string) => [
    keys.presenceMembers(room),
    keys.presenceOrder(room),
    keys.presenceSockets(room),
    keys.presenceOfNode(room, nodeId),
    keys.roomsOfNode(nodeId),
    keys.seq,
  ];
  const parse = (room: string) => (json: unknown) => decode<Member>(json, `a member of '${room}'`);
  return {
    async add(room, member) {
      const [joined, json] = (await run.add(roomKeys(room), [
        member.userId,
        JSON.stringify(member),
        room,
      ])) as [number, string];
      return { member: parse(room)(json), joined: joined === 1 };
    },
    async remove(room, userId) {
      return (await run.remove(roomKeys(room), [userId])) === 1;
    },
    async members(room) {
      const found = (await run.members(roomKeys(room), [])) as unknown[];
      return found.map(parse(room));
    },
    count: (room) => guard(client, () => client.zcard(keys.presenceOrder(room))),
  };
}
