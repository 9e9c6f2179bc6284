import type { RoomName, UserId } from '../protocol/index.ts';
import type { PollRecord, PollStore } from '../server/stores/poll-store.ts';
import type { Connection } from './driver/connection.ts';
import { keepNewest } from './keep-newest.ts';
import type { Run } from './run.ts';

/** A poll row: the poll's JSON without `closed` and `votes`, which have columns and a table. */
interface PollRow {
  id: string;
  closed: number;
  body: string;
}

/**
 * A {@link PollStore} in the `polls` and `poll_votes` tables. One row per
 * voter and poll (the primary key), so a second vote moves the first rather
 * than adding one; deleting a poll deletes its votes (a foreign key).
 */
export function createSqlitePollStore(db: Connection, run: Run): PollStore {
  const insert = db.prepare<[string, RoomName, number, string]>(
    'INSERT INTO polls (id, room, closed, body) VALUES (?, ?, ?, ?)',
  );
  const trim = keepNewest(db, 'polls');
  const byId = db.prepare<[string], PollRow>('SELECT id, closed, body FROM polls WHERE id = ?');
  const byRoom = db.prepare<[RoomName], PollRow>(
    'SELECT id, closed, body FROM polls WHERE room = ? ORDER BY seq',
  );
  // rowid order: the order of first votes, as the memory store's Map keeps them.
  const votes = db.prepare<[string], { userId: UserId; optionId: string }>(
    'SELECT user_id AS userId, option_id AS optionId FROM poll_votes WHERE poll_id = ? ORDER BY rowid',
  );
  const castVote = db.prepare<[string, UserId, string]>(
    `INSERT INTO poll_votes (poll_id, user_id, option_id) VALUES (?, ?, ?)
     ON CONFLICT (poll_id, user_id) DO UPDATE SET option_id = excluded.option_id`,
  );
  const markClosed = db.prepare<[string]>('UPDATE polls SET closed = 1 WHERE id = ?');
  const drop = db.prepare<[RoomName]>('DELETE FROM polls WHERE room = ?');

  const toRecord = (row: PollRow): PollRecord => ({
    ...(JSON.parse(row.body) as Omit<PollRecord, 'closed' | 'votes'>),
    closed: row.closed === 1,
    votes: new Map(votes.all(row.id).map((vote) => [vote.userId, vote.optionId])),
  });
  const get = (pollId: string): PollRecord | undefined => {
    const row = byId.get(pollId);
    return row ? toRecord(row) : undefined;
  };

  const add = db.transaction((poll: PollRecord, maxPerRoom: number) => {
    const { votes: cast, closed, ...rest } = poll;
    insert.run(poll.id, poll.room, closed ? 1 : 0, JSON.stringify(rest));
    for (const [userId, optionId] of cast) castVote.run(poll.id, userId, optionId);
    trim(poll.room, maxPerRoom);
  });
  // Read transactions, so that a poll and its votes come from the same snapshot.
  const getOne = db.transaction((pollId: string) => get(pollId));
  const list = db.transaction((room: RoomName) => byRoom.all(room).map(toRecord));
  // IMMEDIATE: the closed check and the vote happen with nobody writing in between.
  const vote = db.transaction((pollId: string, userId: UserId, optionId: string) => {
    const poll = get(pollId);
    if (!poll || poll.closed) return poll;
    castVote.run(pollId, userId, optionId);
    return get(pollId);
  });
  const close = db.transaction((pollId: string) => {
    if (markClosed.run(pollId).changes === 0) return undefined;
    return get(pollId);
  });

  return {
    add: (poll, maxPerRoom) =>
      run(`adding a poll to '${poll.room}'`, () => add.immediate(poll, maxPerRoom)),
    get: (pollId) => run(`reading the poll '${pollId}'`, () => getOne(pollId)),
    list: (room) => run(`reading the polls of '${room}'`, () => list(room)),
    vote: (pollId, userId, optionId) =>
      run(`voting in the poll '${pollId}'`, () => vote.immediate(pollId, userId, optionId)),
    close: (pollId) => run(`closing the poll '${pollId}'`, () => close.immediate(pollId)),
    drop: (room) =>
      run(`dropping the polls of '${room}'`, () => {
        drop.run(room);
      }),
  };
}
