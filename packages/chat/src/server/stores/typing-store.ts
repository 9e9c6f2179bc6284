import type { RoomName, UserId } from '../../protocol/index.ts';

/**
 * Who is typing in each room, and until when. A typist is listed from their
 * first `start` until `stop`, or until their expiry passes; a later `start`
 * pushes the expiry back and keeps their place in the list.
 *
 * Times are milliseconds (`Date.now()`) that the caller passes in, so that
 * every server process sharing the store judges expiry by the same numbers.
 *
 * @example
 * const typing: TypingStore = createMemoryTypingStore();
 * await typing.start('general', 'u1', Date.now() + 5000, Date.now()); // true: u1 started typing
 * await typing.typists('general', Date.now()); // ['u1']
 */
export interface TypingStore {
  /**
   * Marks `userId` as typing in `room` until `expiresAt`. Answers true when
   * they were not listed before (or their expiry had passed by `now`): the
   * list changed.
   */
  start(room: RoomName, userId: UserId, expiresAt: number, now: number): Promise<boolean>;
  /**
   * Forgets a typist; answers true when they were listed. With `expiredBy`
   * (an expiry timer firing), only a typist whose expiry is at or before it
   * is forgotten: a `start` since then, from any process, keeps them.
   */
  stop(room: RoomName, userId: UserId, expiredBy?: number): Promise<boolean>;
  /** The typists of a room whose expiry is after `now`, in the order they started. */
  typists(room: RoomName, now: number): Promise<UserId[]>;
}

/**
 * A {@link TypingStore} in memory (one server process).
 *
 * @example
 * const chat = createChatServer(httpServer, { stores: { typing: createMemoryTypingStore() } });
 */
export function createMemoryTypingStore(): TypingStore {
  const rooms = new Map<RoomName, Map<UserId, number>>();
  return {
    async start(room, userId, expiresAt, now) {
      let typists = rooms.get(room);
      if (!typists) {
        typists = new Map();
        rooms.set(room, typists);
      }
      const previous = typists.get(userId);
      if (previous !== undefined && previous > now) {
        typists.set(userId, expiresAt);
        return false;
      }
      // An expired typist starting again goes to the end, as a new one would.
      typists.delete(userId);
      typists.set(userId, expiresAt);
      return true;
    },
    async stop(room, userId, expiredBy) {
      const typists = rooms.get(room);
      const expiresAt = typists?.get(userId);
      if (!typists || expiresAt === undefined) return false;
      if (expiredBy !== undefined && expiresAt > expiredBy) return false;
      typists.delete(userId);
      if (typists.size === 0) rooms.delete(room);
      return true;
    },
    async typists(room, now) {
      return [...(rooms.get(room) ?? [])]
        .filter(([, expiresAt]) => expiresAt > now)
        .map(([userId]) => userId);
    },
  };
}
