import type { UserId } from '../../protocol/index.ts';

/**
 * Who a session token stands for.
 *
 * @example
 * const user: SessionUser = { userId: 'u1', nickname: 'ada' };
 */
export interface SessionUser {
  /** The user the token stands for. */
  userId: UserId;
  /** The nickname they last connected with. */
  nickname: string;
}

/**
 * Remembers which user a session token belongs to, so a second tab or a
 * reconnection with the same token is the same user. Keys are SHA-256 hashes
 * of the tokens: a leaked store does not leak sessions.
 *
 * @example
 * const sessions: SessionStore = createMemorySessionStore();
 * await sessions.set(hash, { userId: 'u1', nickname: 'ada' });
 * await sessions.get(hash); // { userId: 'u1', nickname: 'ada' }
 */
export interface SessionStore {
  /** The user behind a token hash, if the store knows it. */
  get(tokenHash: string): Promise<SessionUser | undefined>;
  /** Stores (or refreshes) the user behind a token hash. */
  set(tokenHash: string, user: SessionUser): Promise<void>;
}

/**
 * Options of {@link createMemorySessionStore}.
 *
 * @example
 * const options: MemorySessionStoreOptions = { maxSessions: 1000 };
 */
export interface MemorySessionStoreOptions {
  /** Sessions kept; the least recently used is forgotten past this. Default 10 000. */
  maxSessions?: number;
}

/**
 * A {@link SessionStore} in memory, bounded so that endless new connections
 * cannot grow it without limit. Sessions do not survive a restart: a client
 * presenting a forgotten token simply gets a new identity.
 *
 * @example
 * const chat = createChatServer(httpServer, {
 *   stores: { sessions: createMemorySessionStore({ maxSessions: 1000 }) },
 * });
 */
export function createMemorySessionStore({
  maxSessions = 10_000,
}: MemorySessionStoreOptions = {}): SessionStore {
  // A Map iterates in insertion order, so re-inserting on use makes the first key the least recent.
  const sessions = new Map<string, SessionUser>();
  return {
    async get(tokenHash) {
      const user = sessions.get(tokenHash);
      if (user) {
        sessions.delete(tokenHash);
        sessions.set(tokenHash, user);
      }
      return user;
    },
    async set(tokenHash, user) {
      sessions.delete(tokenHash);
      sessions.set(tokenHash, { ...user });
      for (const oldest of sessions.keys()) {
        if (sessions.size <= maxSessions) break;
        sessions.delete(oldest);
      }
    },
  };
}
