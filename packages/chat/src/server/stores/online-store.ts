import { nicknameKey, type UserId } from '../../protocol/index.ts';

// Re-exported where stores have always found it; the rule itself is the protocol's.
export { nicknameKey } from '../../protocol/index.ts';

/**
 * A connected user and the nickname they hold.
 *
 * @example
 * const user: OnlineUser = { userId: 'u1', nickname: 'ada' };
 */
export interface OnlineUser {
  /** The user's id. */
  userId: UserId;
  /** The nickname the user holds while connected. */
  nickname: string;
}

/**
 * What {@link OnlineStore.connect} answers.
 *
 * @example
 * const result: OnlineConnectResult = await online.connect(user);
 * if (!result.ok) refuse('nickname_taken');
 */
export type OnlineConnectResult =
  | {
      /** The user is connected (one more socket). */
      ok: true;
      /** The user as now online. */
      user: OnlineUser;
    }
  | {
      /** The user may not connect with this nickname. */
      ok: false;
      /** Another connected user holds the nickname (or a look-alike of it). */
      reason: 'taken';
    };

/**
 * The users connected right now, with a count of their sockets, and the
 * nicknames they hold. A nickname is held by at most one user (compared by
 * `nicknameKey`, so look-alikes clash) and is freed when that user's last socket goes.
 *
 * @example
 * const online: OnlineStore = createMemoryOnlineStore();
 * await online.connect({ userId: 'u1', nickname: 'Ada' }); // { ok: true, … }
 * await online.connect({ userId: 'u2', nickname: 'ada' }); // { ok: false, reason: 'taken' }
 */
export interface OnlineStore {
  /**
   * Counts one more socket of `user`. The user's first socket claims the
   * nickname (fails when another user holds it); later sockets keep the
   * nickname the user already holds, which is what `user` in the answer says.
   */
  connect(user: OnlineUser): Promise<OnlineConnectResult>;
  /** Counts one socket fewer; true when it was the user's last, which frees the nickname. */
  disconnect(userId: UserId): Promise<boolean>;
  /** The connected user with this id, if any. */
  get(userId: UserId): Promise<OnlineUser | undefined>;
}

/**
 * An {@link OnlineStore} in memory (one server process).
 *
 * @example
 * const stores = { ...createMemoryStores(), online: createMemoryOnlineStore() };
 */
export function createMemoryOnlineStore(): OnlineStore {
  const users = new Map<UserId, { user: OnlineUser; sockets: number }>();
  const holders = new Map<string, UserId>();
  return {
    async connect(user) {
      const known = users.get(user.userId);
      if (known) {
        known.sockets += 1;
        return { ok: true, user: { ...known.user } };
      }
      const key = nicknameKey(user.nickname);
      if (holders.has(key)) return { ok: false, reason: 'taken' };
      holders.set(key, user.userId);
      users.set(user.userId, { user: { ...user }, sockets: 1 });
      return { ok: true, user: { ...user } };
    },
    async disconnect(userId) {
      const known = users.get(userId);
      if (!known) return false;
      known.sockets -= 1;
      if (known.sockets > 0) return false;
      users.delete(userId);
      holders.delete(nicknameKey(known.user.nickname));
      return true;
    },
    async get(userId) {
      const known = users.get(userId);
      return known ? { ...known.user } : undefined;
    },
  };
}
