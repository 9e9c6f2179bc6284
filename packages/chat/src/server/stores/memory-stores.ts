import { type CanvasStore, createMemoryCanvasStore } from './canvas-store.ts';
import { createMemoryHistoryStore, type HistoryStore } from './history-store.ts';
import { createMemoryOnlineStore, type OnlineStore } from './online-store.ts';
import { createMemoryPollStore, type PollStore } from './poll-store.ts';
import { createMemoryPresenceStore, type PresenceStore } from './presence-store.ts';
import { createMemoryRoomStore, type RoomStore } from './room-store.ts';
import { createMemorySessionStore, type SessionStore } from './session-store.ts';
import { createMemoryTypingStore, type TypingStore } from './typing-store.ts';

/**
 * Every piece of state the chat server keeps, each behind a small async
 * interface. The features talk to these interfaces only, so the SQLite
 * stores (`@funws/chat/sqlite`: state that survives a restart) or the Redis
 * ones (`@funws/chat/redis`: several server processes) can replace any of them without touching a feature.
 *
 * @example
 * const chat = createChatServer(httpServer, {
 *   stores: { history: myHistoryStore }, // the rest stay in memory
 * });
 */
export interface ChatStores {
  /** Which user each session token stands for (by the token's hash). */
  sessions: SessionStore;
  /** Who is connected now, and which nicknames they hold. */
  online: OnlineStore;
  /** Which rooms exist. */
  rooms: RoomStore;
  /** Who is in each room. */
  presence: PresenceStore;
  /** Each room's recent messages. */
  history: HistoryStore;
  /** Each room's polls and their votes. */
  polls: PollStore;
  /** Each room's canvas strokes. */
  canvas: CanvasStore;
  /** Who is typing in each room, and until when. */
  typing: TypingStore;
}

/**
 * A fresh set of in-memory stores: the default, right for one process.
 *
 * @example
 * const stores = createMemoryStores();
 * const chat = createChatServer(httpServer, { stores });
 */
export function createMemoryStores(): ChatStores {
  return {
    sessions: createMemorySessionStore(),
    online: createMemoryOnlineStore(),
    rooms: createMemoryRoomStore(),
    presence: createMemoryPresenceStore(),
    history: createMemoryHistoryStore(),
    polls: createMemoryPollStore(),
    canvas: createMemoryCanvasStore(),
    typing: createMemoryTypingStore(),
  };
}
