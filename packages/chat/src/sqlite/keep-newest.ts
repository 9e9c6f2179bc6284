import type { Connection } from './driver/connection.ts';

/**
 * A statement that keeps the newest `max` rows of a room in `table` (ordered
 * by `seq`) and deletes the rest: the bound on history, polls and canvas.
 */
export function keepNewest(
  db: Connection,
  table: 'messages' | 'polls' | 'strokes',
): (room: string, max: number) => void {
  // The seq of the newest row past the bound; every row up to it goes.
  const trim = db.prepare<[string, string, number]>(
    `DELETE FROM ${table} WHERE room = ? AND seq <= ` +
      `(SELECT seq FROM ${table} WHERE room = ? ORDER BY seq DESC LIMIT 1 OFFSET ?)`,
  );
  return (room, max) => {
    if (!Number.isFinite(max)) return;
    trim.run(room, room, Math.max(0, Math.trunc(max)));
  };
}
