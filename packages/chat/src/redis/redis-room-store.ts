import type { Redis } from 'ioredis';
import type { RoomStore } from '../server/stores/room-store.ts';
import type { RedisKeys } from './keys.ts';
import { defineScript, guard } from './run-script.ts';

// Rooms are a sorted set scored by creation order. Creating checks "exists",
// then the limit, then adds, in one script: two nodes creating the last room
// at once cannot both get it.
const createRoom = `
if redis.call('ZSCORE', KEYS[1], ARGV[1]) then return 'exists' end
if ARGV[2] ~= 'inf' and redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 'limit' end
redis.call('ZADD', KEYS[1], redis.call('INCR', KEYS[2]), ARGV[1])
return 'created'
`;

/** A {@link RoomStore} in Redis. */
export function createRedisRoomStore(client: Redis, keys: RedisKeys): RoomStore {
  const create = defineScript(client, createRoom);
  return {
    list: () => guard(client, () => client.zrange(keys.rooms, 0, -1)),
    has: async (name) => (await guard(client, () => client.zscore(keys.rooms, name))) !== null,
    async create(name, max) {
      const limit = Number.isFinite(max) ? String(max) : 'inf';
      return (await create([keys.rooms, keys.seq], [name, limit])) as
        | 'created'
        | 'exists'
        | 'limit';
    },
    async remove(name) {
      await guard(client, () => client.zrem(keys.rooms, name));
    },
  };
}
