import type { RoomName } from '../../protocol/index.ts';

/**
 * What {@link RoomStore.create} answers.
 *
 * @example
 * const result: RoomCreateResult = await rooms.create('lounge', 100); // 'created' | 'exists' | 'limit'
 */
export type RoomCreateResult = 'created' | 'exists' | 'limit';

/**
 * The rooms that exist.
 *
 * @example
 * const rooms: RoomStore = createMemoryRoomStore();
 * await rooms.create('general', 100); // 'created'
 * await rooms.has('general');         // true
 */
export interface RoomStore {
  /** Every room's name, in the order they were created. */
  list(): Promise<RoomName[]>;
  /** True when the room exists. */
  has(name: RoomName): Promise<boolean>;
  /** Creates a room unless it exists, or answers `'limit'` when `max` rooms exist already. */
  create(name: RoomName, max: number): Promise<RoomCreateResult>;
  /** Forgets a room (the server removes client-created rooms once they are empty). */
  remove(name: RoomName): Promise<void>;
}

/**
 * A {@link RoomStore} in memory.
 *
 * @example
 * const chat = createChatServer(httpServer, { stores: { rooms: createMemoryRoomStore() } });
 */
export function createMemoryRoomStore(): RoomStore {
  const rooms = new Set<RoomName>();
  return {
    async list() {
      return [...rooms];
    },
    async has(name) {
      return rooms.has(name);
    },
    async create(name, max) {
      if (rooms.has(name)) return 'exists';
      if (rooms.size >= max) return 'limit';
      rooms.add(name);
      return 'created';
    },
    async remove(name) {
      rooms.delete(name);
    },
  };
}
