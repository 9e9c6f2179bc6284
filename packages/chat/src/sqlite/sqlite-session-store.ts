import type { SessionStore, SessionUser } from '../server/stores/session-store.ts';
import type { Connection } from './driver/connection.ts';
import type { Run } from './run.ts';

/**
 * A {@link SessionStore} in the `sessions` table, bounded like the memory one:
 * past `maxSessions`, the least recently used session is forgotten. `used`
 * is a counter, not a clock, so two uses in one millisecond still have an order.
 */
export function createSqliteSessionStore(
  db: Connection,
  run: Run,
  maxSessions: number,
): SessionStore {
  const find = db.prepare<[string], { userId: string; nickname: string }>(
    'SELECT user_id AS userId, nickname FROM sessions WHERE token_hash = ?',
  );
  const touch = db.prepare<[string]>(
    'UPDATE sessions SET used = (SELECT coalesce(max(used), 0) + 1 FROM sessions) WHERE token_hash = ?',
  );
  const upsert = db.prepare<[string, string, string]>(
    `INSERT INTO sessions (token_hash, user_id, nickname, used)
       VALUES (?, ?, ?, (SELECT coalesce(max(used), 0) + 1 FROM sessions))
     ON CONFLICT (token_hash) DO UPDATE SET
       user_id = excluded.user_id, nickname = excluded.nickname, used = excluded.used`,
  );
  const trim = db.prepare<[number]>(
    'DELETE FROM sessions WHERE used <= (SELECT used FROM sessions ORDER BY used DESC LIMIT 1 OFFSET ?)',
  );

  const get = db.transaction((tokenHash: string): SessionUser | undefined => {
    const user = find.get(tokenHash);
    if (user) touch.run(tokenHash);
    return user ? { userId: user.userId, nickname: user.nickname } : undefined;
  });
  const set = db.transaction((tokenHash: string, user: SessionUser) => {
    upsert.run(tokenHash, user.userId, user.nickname);
    trim.run(maxSessions);
  });

  return {
    get: (tokenHash) => run('looking up a session', () => get.immediate(tokenHash)),
    set: (tokenHash, user) => run('storing a session', () => set.immediate(tokenHash, user)),
  };
}
