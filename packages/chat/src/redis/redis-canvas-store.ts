import type { Redis } from 'ioredis';
import type { CanvasStroke } from '../protocol/index.ts';
import type { CanvasStore } from '../server/stores/canvas-store.ts';
import type { RedisKeys } from './keys.ts';
import { decode, guard } from './run-script.ts';

/** A {@link CanvasStore} in Redis: one list of stroke JSON per room, trimmed to the newest `max`. */
export function createRedisCanvasStore(client: Redis, keys: RedisKeys): CanvasStore {
  return {
    async append(room, stroke, max) {
      const key = keys.canvas(room);
      // MULTI: nobody reads the list between the push and the trim.
      await guard(client, () =>
        client.multi().rpush(key, JSON.stringify(stroke)).ltrim(key, -max, -1).exec(),
      );
    },
    async list(room) {
      const strokes = await guard(client, () => client.lrange(keys.canvas(room), 0, -1));
      return strokes.map((json) => decode<CanvasStroke>(json, `a stroke of '${room}'`));
    },
    async clear(room) {
      await guard(client, () => client.del(keys.canvas(room)));
    },
  };
}
