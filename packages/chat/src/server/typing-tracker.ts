import type { RoomName, UserId } from '../protocol/index.ts';

// The tracker's type, apart from its implementation and the typing features
// (typing.ts): context.ts needs the type, and typing.ts needs the context's
// Feature type, so keeping both in typing.ts made an import cycle.

/**
 * Who is typing where. Typing is per user (any of their tabs); the list
 * lives in the chat's `TypingStore` (shared by every process of a cluster), and
 * a typist is forgotten after `timeoutMs` without a new `typing:start`.
 *
 * The expiry timer runs in the process that received the `typing:start`.
 * When it fires it forgets the typist only if nobody started again since
 * (`expiredBy`), so a later start through another process, whose own timer
 * fires later, wins. A process that dies takes its timers along; its typists
 * leave with its members (see cluster.ts), and until then the store's expiry
 * already keeps them out of every joiner's snapshot.
 *
 * What each member receives leaves themselves out (the protocol promises
 * "your own typing is left out"): members who are not typing get the whole
 * list in one broadcast, and each other typist gets the list without
 * themselves, sent to their user room. That user room may include one of
 * their tabs outside this room; it is the same person, so nothing leaks. The
 * user whose state changed gets nothing, since their own view did not change.
 */
export interface TypingTracker {
  /** Marks a user as typing (again) and restarts their expiry timer. */
  start(room: RoomName, userId: UserId): Promise<void>;
  /** Forgets a typist; a no-op when they were not typing. */
  stop(room: RoomName, userId: UserId): Promise<void>;
  /** Who types in a room right now. */
  typists(room: RoomName): Promise<UserId[]>;
  /** Clears every timer; later starts do nothing. */
  dispose(): void;
}
