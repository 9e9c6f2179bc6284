import type { ChatMessage, RoomName } from '../../protocol/index.ts';

/**
 * The recent messages of each room, bounded: past `max`, the oldest go.
 * Messages are treated as immutable values; `update` replaces one.
 *
 * @example
 * const history: HistoryStore = createMemoryHistoryStore();
 * await history.append('general', message, 100);
 * await history.recent('general', 50); // oldest first
 */
export interface HistoryStore {
  /** Adds a message at the end, dropping the oldest past `max`. */
  append(room: RoomName, message: ChatMessage, max: number): Promise<void>;
  /** The last `limit` messages of a room, oldest first. */
  recent(room: RoomName, limit: number): Promise<ChatMessage[]>;
  /**
   * The messages that came after the one with id `afterId`, oldest first, at
   * most `limit` of them: what a client that holds `afterId` missed. Answers
   * `undefined` when `afterId` is not (or no longer) in the room's history,
   * so the caller cannot tell what was missed and should fall back to `recent`.
   */
  after(room: RoomName, afterId: string, limit: number): Promise<ChatMessage[] | undefined>;
  /**
   * Replaces a message with `change(message)` in one step (no other update
   * can slip in between), and answers the new message; `undefined` when the
   * room's history has no message with this id.
   */
  update(
    room: RoomName,
    messageId: string,
    change: (message: ChatMessage) => ChatMessage,
  ): Promise<ChatMessage | undefined>;
  /** Forgets every message of a room. */
  drop(room: RoomName): Promise<void>;
}

/**
 * A {@link HistoryStore} in memory: history ends with the process.
 * `createSqliteStores` (`@funws/chat/sqlite`) keeps it across restarts.
 *
 * @example
 * const chat = createChatServer(httpServer, { stores: { history: createMemoryHistoryStore() } });
 */
export function createMemoryHistoryStore(): HistoryStore {
  const rooms = new Map<RoomName, ChatMessage[]>();
  return {
    async append(room, message, max) {
      const messages = rooms.get(room) ?? [];
      messages.push(message);
      if (messages.length > max) messages.splice(0, messages.length - max);
      rooms.set(room, messages);
    },
    async recent(room, limit) {
      const messages = rooms.get(room) ?? [];
      return limit > 0 ? messages.slice(-limit) : [];
    },
    async after(room, afterId, limit) {
      const messages = rooms.get(room) ?? [];
      const index = messages.findIndex((message) => message.id === afterId);
      if (index === -1) return undefined;
      return limit > 0 ? messages.slice(index + 1, index + 1 + limit) : [];
    },
    async update(room, messageId, change) {
      const messages = rooms.get(room);
      const index = messages?.findIndex((message) => message.id === messageId) ?? -1;
      const current = messages?.[index];
      if (!messages || !current) return undefined;
      const next = change(current);
      messages[index] = next;
      return next;
    },
    async drop(room) {
      rooms.delete(room);
    },
  };
}
