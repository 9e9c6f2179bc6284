import type { Poll, RoomName, UserId } from '../../protocol/index.ts';

/**
 * A poll as stored: the public poll without counts, plus who voted for what.
 * Counts are derived from `votes`, so they can never disagree with them.
 *
 * @example
 * const record: PollRecord = { ...pollWithoutCounts, votes: new Map([['u1', optionId]]) };
 */
export interface PollRecord extends Omit<Poll, 'options'> {
  /** The answers, in order, without counts. */
  options: {
    /** The option's id. */
    id: string;
    /** The answer's text. */
    text: string;
  }[];
  /** User id → option id. Never sent to clients: a voter only learns their own vote. */
  votes: ReadonlyMap<UserId, string>;
}

/**
 * The polls of each room, bounded per room (the oldest go first).
 *
 * @example
 * const polls: PollStore = createMemoryPollStore();
 * await polls.add(record, 20);
 * await polls.vote(record.id, 'u1', record.options[0].id);
 */
export interface PollStore {
  /** Adds a poll to its room, dropping the room's oldest past `maxPerRoom`. */
  add(poll: PollRecord, maxPerRoom: number): Promise<void>;
  /** The poll with this id, if it exists. */
  get(pollId: string): Promise<PollRecord | undefined>;
  /** A room's polls, oldest first. */
  list(room: RoomName): Promise<PollRecord[]>;
  /**
   * Sets `userId`'s vote to `optionId` in one step, replacing any earlier
   * vote, and answers the updated poll. Does nothing to a closed poll.
   */
  vote(pollId: string, userId: UserId, optionId: string): Promise<PollRecord | undefined>;
  /** Closes a poll and answers it. */
  close(pollId: string): Promise<PollRecord | undefined>;
  /** Forgets every poll of a room. */
  drop(room: RoomName): Promise<void>;
}

/**
 * Turns a stored poll into what clients see: options with vote counts, no voters.
 *
 * @example
 * io.to(record.room).emit('poll:update', toPoll(record));
 */
export function toPoll({ votes, options, ...poll }: PollRecord): Poll {
  const counts = new Map<string, number>();
  for (const optionId of votes.values()) counts.set(optionId, (counts.get(optionId) ?? 0) + 1);
  return {
    ...poll,
    creator: { ...poll.creator },
    options: options.map((option) => ({ ...option, votes: counts.get(option.id) ?? 0 })),
  };
}

/**
 * A {@link PollStore} in memory.
 *
 * @example
 * const chat = createChatServer(httpServer, { stores: { polls: createMemoryPollStore() } });
 */
export function createMemoryPollStore(): PollStore {
  const polls = new Map<string, PollRecord>();
  const byRoom = new Map<RoomName, string[]>();
  return {
    async add(poll, maxPerRoom) {
      polls.set(poll.id, poll);
      const ids = byRoom.get(poll.room) ?? [];
      ids.push(poll.id);
      while (ids.length > maxPerRoom) {
        const oldest = ids.shift();
        if (oldest !== undefined) polls.delete(oldest);
      }
      byRoom.set(poll.room, ids);
    },
    async get(pollId) {
      return polls.get(pollId);
    },
    async list(room) {
      return (byRoom.get(room) ?? []).flatMap((id) => polls.get(id) ?? []);
    },
    async vote(pollId, userId, optionId) {
      const poll = polls.get(pollId);
      if (!poll || poll.closed) return poll;
      const next = { ...poll, votes: new Map(poll.votes).set(userId, optionId) };
      polls.set(pollId, next);
      return next;
    },
    async close(pollId) {
      const poll = polls.get(pollId);
      if (!poll) return undefined;
      const next = { ...poll, closed: true };
      polls.set(pollId, next);
      return next;
    },
    async drop(room) {
      for (const id of byRoom.get(room) ?? []) polls.delete(id);
      byRoom.delete(room);
    },
  };
}
