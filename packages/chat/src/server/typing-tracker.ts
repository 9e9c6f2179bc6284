import type { RoomName, UserId } from '../protocol/index.ts';

// The tracker's type, apart from its implementation and the typing features
// (typing.ts): context.ts needs the type, and typing.ts needs the context's
// Feature type, so keeping both in typing.ts made an import cycle.

/**
 * Who is typing where. Typing is per user (any of their tabs), kept in memory
 * because it lives only seconds; a typist is forgotten after `timeoutMs`
 * without a new `typing:start`.
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
  start(room: RoomName, userId: UserId): void;
  /** Forgets a typist; a no-op when they were not typing. */
  stop(room: RoomName, userId: UserId): void;
  /** Who types in a room right now. */
  typists(room: RoomName): UserId[];
  /** Clears every timer; later calls do nothing. */
  dispose(): void;
}
