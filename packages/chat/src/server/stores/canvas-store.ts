import type { CanvasStroke, RoomName } from '../../protocol/index.ts';

/**
 * The strokes drawn on each room's canvas, bounded: past `max`, the oldest go.
 *
 * @example
 * const canvas: CanvasStore = createMemoryCanvasStore();
 * await canvas.append('general', stroke, 5000);
 * await canvas.list('general'); // oldest first
 */
export interface CanvasStore {
  /** Adds a stroke, dropping the oldest past `max`. */
  append(room: RoomName, stroke: CanvasStroke, max: number): Promise<void>;
  /** A room's strokes, oldest first. */
  list(room: RoomName): Promise<CanvasStroke[]>;
  /** Forgets every stroke of a room. */
  clear(room: RoomName): Promise<void>;
}

/**
 * A {@link CanvasStore} in memory.
 *
 * @example
 * const chat = createChatServer(httpServer, { stores: { canvas: createMemoryCanvasStore() } });
 */
export function createMemoryCanvasStore(): CanvasStore {
  const rooms = new Map<RoomName, CanvasStroke[]>();
  return {
    async append(room, stroke, max) {
      const strokes = rooms.get(room) ?? [];
      strokes.push(stroke);
      if (strokes.length > max) strokes.splice(0, strokes.length - max);
      rooms.set(room, strokes);
    },
    async list(room) {
      return [...(rooms.get(room) ?? [])];
    },
    async clear(room) {
      rooms.delete(room);
    },
  };
}
