import type { CanvasStroke, RoomName } from '../protocol/index.ts';
import type { CanvasStore } from '../server/stores/canvas-store.ts';
import type { Connection } from './driver/connection.ts';
import { keepNewest } from './keep-newest.ts';
import type { Run } from './run.ts';

/** A {@link CanvasStore} in the `strokes` table: one row per segment, its JSON as drawn. */
export function createSqliteCanvasStore(db: Connection, run: Run): CanvasStore {
  const insert = db.prepare<[RoomName, string]>('INSERT INTO strokes (room, body) VALUES (?, ?)');
  const trim = keepNewest(db, 'strokes');
  const list = db.prepare<[RoomName], { body: string }>(
    'SELECT body FROM strokes WHERE room = ? ORDER BY seq',
  );
  const clear = db.prepare<[RoomName]>('DELETE FROM strokes WHERE room = ?');
  const append = db.transaction((room: RoomName, stroke: CanvasStroke, max: number) => {
    insert.run(room, JSON.stringify(stroke));
    trim(room, max);
  });
  return {
    append: (room, stroke, max) =>
      run(`drawing on the canvas of '${room}'`, () => append.immediate(room, stroke, max)),
    list: (room) =>
      run(`reading the canvas of '${room}'`, () =>
        list.all(room).map((row) => JSON.parse(row.body) as CanvasStroke),
      ),
    clear: (room) =>
      run(`clearing the canvas of '${room}'`, () => {
        clear.run(room);
      }),
  };
}
