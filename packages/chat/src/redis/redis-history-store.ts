import type { Redis } from 'ioredis';
import type { ChatMessage } from '../protocol/index.ts';
import type { HistoryStore } from '../server/stores/history-store.ts';
import type { RedisKeys } from './keys.ts';
import { decode, defineScript, guard } from './run-script.ts';

// A room's history is a sorted set of ids (scored in the order they came)
// and a hash id → message JSON. Every read and write is one script, so a
// reader never sees an id whose message was just trimmed.

const append = `
redis.call('ZADD', KEYS[1], redis.call('INCR', KEYS[3]), ARGV[1])
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
local extra = redis.call('ZCARD', KEYS[1]) - tonumber(ARGV[3])
if extra > 0 then
  local old = redis.call('ZRANGE', KEYS[1], 0, extra - 1)
  redis.call('ZREMRANGEBYRANK', KEYS[1], 0, extra - 1)
  redis.call('HDEL', KEYS[2], unpack(old))
end
return 1
`;

const recent = `
local ids = redis.call('ZRANGE', KEYS[1], -tonumber(ARGV[1]), -1)
if #ids == 0 then return {} end
return redis.call('HMGET', KEYS[2], unpack(ids))
`;

// {0} when afterId is not in the history; {1, messages…} otherwise.
const after = `
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not score then return {0} end
local out = {1}
if tonumber(ARGV[2]) <= 0 then return out end
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. score, '+inf', 'LIMIT', 0, tonumber(ARGV[2]))
if #ids == 0 then return out end
for _, json in ipairs(redis.call('HMGET', KEYS[2], unpack(ids))) do table.insert(out, json) end
return out
`;

// Compare-and-set: writes the new JSON only if the message is still the one
// the change was computed from. 1 written, 0 changed meanwhile, -1 gone.
const replace = `
local current = redis.call('HGET', KEYS[1], ARGV[1])
if not current then return -1 end
if current ~= ARGV[2] then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
return 1
`;

/** A {@link HistoryStore} in Redis. */
export function createRedisHistoryStore(client: Redis, keys: RedisKeys): HistoryStore {
  const run = {
    append: defineScript(client, append),
    recent: defineScript(client, recent),
    after: defineScript(client, after),
    replace: defineScript(client, replace),
  };
  const parse = (room: string) => (json: unknown) =>
    decode<ChatMessage>(json, `a message of '${room}'`);
  const roomKeys = (room: string) => [keys.historyIds(room), keys.historyMessages(room)];
  const updating = new Map<string, Promise<void>>();
  return {
    async append(room, message, max) {
      await run.append([...roomKeys(room), keys.seq], [message.id, JSON.stringify(message), max]);
    },
    async recent(room, limit) {
      if (limit <= 0) return [];
      const found = (await run.recent(roomKeys(room), [limit])) as unknown[];
      return found.map(parse(room));
    },
    async after(room, afterId, limit) {
      const [held, ...found] = (await run.after(roomKeys(room), [afterId, limit])) as unknown[];
      return held === 1 ? found.map(parse(room)) : undefined;
    },
    update(room, messageId, change) {
      // In call order within this process (a chain per message), and
      // optimistic across processes: a concurrent update from another node
      // makes the write fail, and the change runs again on the new message.
      const key = `${room}\n${messageId}`;
      const previous = updating.get(key) ?? Promise.resolve();
      const next = previous.then(async () => {
        const messagesKey = keys.historyMessages(room);
        for (;;) {
          const current = await guard(client, () => client.hget(messagesKey, messageId));
          if (current === null) return undefined;
          const changed = change(parse(room)(current));
          const written = await run.replace(
            [messagesKey],
            [messageId, current, JSON.stringify(changed)],
          );
          if (written === 1) return changed;
          if (written === -1) return undefined;
        }
      });
      const settled = next.then(
        () => {},
        () => {},
      );
      updating.set(key, settled);
      void settled.then(() => {
        if (updating.get(key) === settled) updating.delete(key);
      });
      return next;
    },
    async drop(room) {
      await guard(client, () => client.del(...roomKeys(room)));
    },
  };
}
