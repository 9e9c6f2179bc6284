import type { RoomName } from '../protocol/index.ts';
import type { RoomCreateResult, RoomStore } from '../server/stores/room-store.ts';
import type { Connection } from './driver/connection.ts';
import type { Run } from './run.ts';

/** A {@link RoomStore} in the `rooms` table. */
export function createSqliteRoomStore(db: Connection, run: Run): RoomStore {
  const list = db.prepare<[], { name: RoomName }>('SELECT name FROM rooms ORDER BY rowid');
  const has = db.prepare<[RoomName]>('SELECT 1 FROM rooms WHERE name = ?');
  const count = db.prepare<[], { rooms: number }>('SELECT count(*) AS rooms FROM rooms');
  const insert = db.prepare<[RoomName]>('INSERT INTO rooms (name) VALUES (?)');
  const remove = db.prepare<[RoomName]>('DELETE FROM rooms WHERE name = ?');
  // IMMEDIATE: the count and the insert see the same rooms, whoever else writes the file.
  const create = db.transaction((name: RoomName, max: number): RoomCreateResult => {
    if (has.get(name) !== undefined) return 'exists';
    if ((count.get()?.rooms ?? 0) >= max) return 'limit';
    insert.run(name);
    return 'created';
  });
  return {
    list: () => run('listing the rooms', () => list.all().map((row) => row.name)),
    has: (name) => run(`looking up the room '${name}'`, () => has.get(name) !== undefined),
    create: (name, max) => run(`creating the room '${name}'`, () => create.immediate(name, max)),
    remove: (name) =>
      run(`removing the room '${name}'`, () => {
        remove.run(name);
      }),
  };
}
