import type { ChatMessage, RoomName } from '../protocol/index.ts';
import type { HistoryStore } from '../server/stores/history-store.ts';
import type { Connection } from './driver/connection.ts';
import { keepNewest } from './keep-newest.ts';
import { type Run, sqlLimit } from './run.ts';

/** A {@link HistoryStore} in the `messages` table: one row per message, its JSON as sent. */
export function createSqliteHistoryStore(db: Connection, run: Run): HistoryStore {
  const insert = db.prepare<[RoomName, string, string]>(
    'INSERT INTO messages (room, id, body) VALUES (?, ?, ?)',
  );
  const trim = keepNewest(db, 'messages');
  const recent = db.prepare<[RoomName, number], { body: string }>(
    'SELECT body FROM (SELECT seq, body FROM messages WHERE room = ? ORDER BY seq DESC LIMIT ?) ORDER BY seq',
  );
  // The first message with the id, as the memory store finds it.
  const find = db.prepare<[RoomName, string], { seq: number; body: string }>(
    'SELECT seq, body FROM messages WHERE room = ? AND id = ? ORDER BY seq LIMIT 1',
  );
  const after = db.prepare<[RoomName, number, number], { body: string }>(
    'SELECT body FROM messages WHERE room = ? AND seq > ? ORDER BY seq LIMIT ?',
  );
  const replace = db.prepare<[string, string, number]>(
    'UPDATE messages SET id = ?, body = ? WHERE seq = ?',
  );
  const drop = db.prepare<[RoomName]>('DELETE FROM messages WHERE room = ?');

  const append = db.transaction((room: RoomName, message: ChatMessage, max: number) => {
    insert.run(room, message.id, JSON.stringify(message));
    trim(room, max);
  });
  // One read transaction: the id's position and the messages after it come from the same snapshot.
  const since = db.transaction((room: RoomName, afterId: string, limit: number) => {
    const found = find.get(room, afterId);
    if (!found) return undefined;
    return limit > 0 ? after.all(room, found.seq, sqlLimit(limit)).map(parse) : [];
  });
  // IMMEDIATE: nobody can change the message between reading it and writing it back.
  const update = db.transaction(
    (room: RoomName, messageId: string, change: (message: ChatMessage) => ChatMessage) => {
      const found = find.get(room, messageId);
      if (!found) return undefined;
      const next = change(parse(found));
      replace.run(next.id, JSON.stringify(next), found.seq);
      return next;
    },
  );

  return {
    append: (room, message, max) =>
      run(`adding a message to '${room}'`, () => append.immediate(room, message, max)),
    recent: (room, limit) =>
      run(`reading the history of '${room}'`, () =>
        limit > 0 ? recent.all(room, sqlLimit(limit)).map(parse) : [],
      ),
    after: (room, afterId, limit) =>
      run(`reading the history of '${room}'`, () => since(room, afterId, limit)),
    update: (room, messageId, change) =>
      run(`updating a message in '${room}'`, () => update.immediate(room, messageId, change)),
    drop: (room) =>
      run(`dropping the history of '${room}'`, () => {
        drop.run(room);
      }),
  };
}

function parse(row: { body: string }): ChatMessage {
  return JSON.parse(row.body) as ChatMessage;
}
