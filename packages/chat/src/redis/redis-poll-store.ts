import type { Redis } from 'ioredis';
import type { PollRecord, PollStore } from '../server/stores/poll-store.ts';
import type { RedisKeys } from './keys.ts';
import { decode, defineScript, guard } from './run-script.ts';

// A poll is a hash (`record`: its JSON without votes, `closed`: 0 or 1) and a
// hash of votes user id → option id; a room's polls are a sorted set of ids
// in the order they were added. A vote is one HSET in a script that first
// checks the poll is open: one vote per user, whichever node it reaches.

/** Reads one poll as {record, closed, {user, option, …}}; ARGV[1] is the poll key prefix. */
const readPoll = `
local function readPoll(id)
  local key = ARGV[1] .. id
  local fields = redis.call('HMGET', key, 'record', 'closed')
  if not fields[1] then return nil end
  return {fields[1], fields[2], redis.call('HGETALL', key .. ':votes')}
end
`;

const add = `
redis.call('HSET', ARGV[1] .. ARGV[2], 'record', ARGV[3], 'closed', ARGV[4])
redis.call('ZADD', KEYS[1], redis.call('INCR', KEYS[2]), ARGV[2])
local extra = redis.call('ZCARD', KEYS[1]) - tonumber(ARGV[5])
if extra > 0 then
  for _, old in ipairs(redis.call('ZRANGE', KEYS[1], 0, extra - 1)) do
    redis.call('DEL', ARGV[1] .. old, ARGV[1] .. old .. ':votes')
  end
  redis.call('ZREMRANGEBYRANK', KEYS[1], 0, extra - 1)
end
return 1
`;

const get = `${readPoll}
return readPoll(ARGV[2])
`;

const list = `${readPoll}
local out = {}
for _, id in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
  local poll = readPoll(id)
  if poll then table.insert(out, poll) end
end
return out
`;

const vote = `${readPoll}
local key = ARGV[1] .. ARGV[2]
local closed = redis.call('HGET', key, 'closed')
if closed == '0' then redis.call('HSET', key .. ':votes', ARGV[3], ARGV[4]) end
return readPoll(ARGV[2])
`;

const close = `${readPoll}
local key = ARGV[1] .. ARGV[2]
if redis.call('EXISTS', key) == 1 then redis.call('HSET', key, 'closed', '1') end
return readPoll(ARGV[2])
`;

const drop = `
for _, id in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
  redis.call('DEL', ARGV[1] .. id, ARGV[1] .. id .. ':votes')
end
redis.call('DEL', KEYS[1])
return 1
`;

type StoredPoll = [string, string, string[]];

/** A {@link PollStore} in Redis. */
export function createRedisPollStore(client: Redis, keys: RedisKeys): PollStore {
  const run = {
    add: defineScript(client, add),
    get: defineScript(client, get),
    list: defineScript(client, list),
    vote: defineScript(client, vote),
    close: defineScript(client, close),
    drop: defineScript(client, drop),
  };
  const toRecord = ([json, closed, votes]: StoredPoll): PollRecord => {
    const record = decode<Omit<PollRecord, 'votes'>>(json, 'a poll');
    const pairs = new Map<string, string>();
    for (let i = 0; i + 1 < votes.length; i += 2)
      pairs.set(votes[i] as string, votes[i + 1] as string);
    return { ...record, closed: closed === '1', votes: pairs };
  };
  const one = (stored: unknown) => (stored ? toRecord(stored as StoredPoll) : undefined);
  return {
    async add({ votes, ...record }, maxPerRoom) {
      await run.add(
        [keys.roomPolls(record.room), keys.seq],
        [keys.pollPrefix, record.id, JSON.stringify(record), record.closed ? '1' : '0', maxPerRoom],
      );
      // A poll is added without votes by the server; a store that is given some keeps them.
      if (votes.size > 0)
        await guard(client, () =>
          client.hset(keys.pollVotes(record.id), Object.fromEntries(votes)),
        );
    },
    get: async (pollId) => one(await run.get([], [keys.pollPrefix, pollId])),
    async list(room) {
      const stored = (await run.list([keys.roomPolls(room)], [keys.pollPrefix])) as StoredPoll[];
      return stored.map(toRecord);
    },
    vote: async (pollId, userId, optionId) =>
      one(await run.vote([], [keys.pollPrefix, pollId, userId, optionId])),
    close: async (pollId) => one(await run.close([], [keys.pollPrefix, pollId])),
    async drop(room) {
      await run.drop([keys.roomPolls(room)], [keys.pollPrefix]);
    },
  };
}
