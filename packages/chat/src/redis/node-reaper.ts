import type { Redis } from 'ioredis';
import type { ClusterDeparture } from '../server/cluster.ts';
import type { RedisKeys } from './keys.ts';
import { defineScript, type RunScript } from './run-script.ts';

// Taking a dead node's sockets out of the shared state, in one script: its
// socket counts are subtracted from every room it had members in and from
// the online users; users left with no socket anywhere leave their rooms
// and free their nicknames. The script first removes the node from the set
// of live nodes, and does nothing if it was not there, so when several
// nodes notice the same death, exactly one reaps it and announces who left.
// (The presence key names are built from the prefix as keys.ts builds them.)

const reap = `
local node = ARGV[1]
if redis.call('ZREM', KEYS[1], node) == 0 and ARGV[2] ~= '1' then return {} end
local out = {}
for _, room in ipairs(redis.call('SMEMBERS', KEYS[2])) do
  local base = ARGV[3] .. room
  local mine = base .. ':node:' .. node
  local entries = redis.call('HGETALL', mine)
  for i = 1, #entries, 2 do
    local userId = entries[i]
    local total = redis.call('HINCRBY', base .. ':sockets', userId, -tonumber(entries[i + 1]))
    if total <= 0 then
      redis.call('HDEL', base .. ':sockets', userId)
      redis.call('HDEL', base .. ':members', userId)
      if redis.call('ZREM', base .. ':order', userId) == 1 then
        table.insert(out, room)
        table.insert(out, userId)
      end
    end
  end
  redis.call('DEL', mine)
end
redis.call('DEL', KEYS[2])
local online = redis.call('HGETALL', KEYS[3])
for i = 1, #online, 2 do
  local userId = online[i]
  local total = redis.call('HINCRBY', KEYS[7], userId, -tonumber(online[i + 1]))
  if total <= 0 then
    local key = redis.call('HGET', KEYS[5], userId)
    if key and redis.call('HGET', KEYS[6], key) == userId then redis.call('HDEL', KEYS[6], key) end
    redis.call('HDEL', KEYS[4], userId)
    redis.call('HDEL', KEYS[5], userId)
    redis.call('HDEL', KEYS[7], userId)
  end
end
redis.call('DEL', KEYS[3])
return out
`;

/** Takes a node's sockets out of the shared state; see the comment above. */
export type ReapNode = (
  nodeId: string,
  options?: { force?: boolean },
) => Promise<ClusterDeparture[]>;

/**
 * Creates {@link ReapNode} on `client`. Without `force`, a node that is not
 * in the live set (somebody reaped it already) is left alone; `force` is for
 * a node clearing what an earlier life under the same id left behind.
 */
export function createReaper(client: Redis, keys: RedisKeys): ReapNode {
  const run: RunScript = defineScript(client, reap);
  return async (nodeId, { force = false } = {}) => {
    const flat = (await run(
      [
        keys.nodes,
        keys.roomsOfNode(nodeId),
        keys.onlineOfNode(nodeId),
        keys.onlineUsers,
        keys.onlineKeys,
        keys.onlineNicknames,
        keys.onlineSockets,
      ],
      [nodeId, force ? '1' : '0', keys.presencePrefix],
    )) as string[];
    const departures: ClusterDeparture[] = [];
    for (let i = 0; i + 1 < flat.length; i += 2) {
      departures.push({ room: flat[i] as string, userId: flat[i + 1] as string });
    }
    return departures;
  };
}
