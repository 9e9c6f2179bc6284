import type { ChatStores } from '../server/stores/memory-stores.ts';
import { createMemoryOnlineStore } from '../server/stores/online-store.ts';
import { createMemoryPresenceStore } from '../server/stores/presence-store.ts';
import { createMemoryTypingStore } from '../server/stores/typing-store.ts';
import { type SqliteDriver, sqliteDrivers } from './driver/connection.ts';
import { chooseDriver } from './driver/open-connection.ts';
import { openDatabase } from './open-database.ts';
import { createRun } from './run.ts';
import { createSqliteCanvasStore } from './sqlite-canvas-store.ts';
import { createSqliteHistoryStore } from './sqlite-history-store.ts';
import { createSqlitePollStore } from './sqlite-poll-store.ts';
import { createSqliteRoomStore } from './sqlite-room-store.ts';
import { createSqliteSessionStore } from './sqlite-session-store.ts';

/**
 * Options of {@link createSqliteStores}. All optional.
 *
 * @example
 * const options: SqliteStoresOptions = { maxSessions: 50_000, synchronous: 'full' };
 */
export interface SqliteStoresOptions {
  /** Sessions kept; the least recently used is forgotten past this. Default 10 000, as in memory. */
  maxSessions?: number;
  /**
   * How long a write waits for another connection to let go of the file
   * before failing with `locked`, in ms. Default 5000. The wait blocks this
   * process (both drivers are synchronous), so keep it short.
   */
  busyTimeoutMs?: number;
  /**
   * `'normal'` (the default): a commit is on disk for every crash of this
   * process, `kill -9` included; a power cut or an OS crash may lose the last
   * few. `'full'`: an fsync per commit, so those survive too, at a cost on every
   * message. See SQLite's `PRAGMA synchronous` in WAL mode.
   */
  synchronous?: 'normal' | 'full';
  /**
   * Which SQLite to use. `'auto'` (the default): Node.js's own `node:sqlite` on
   * Node.js 24 and later; better-sqlite3 on Node.js 20 and 22 (where
   * node:sqlite is missing or still experimental), or node:sqlite on 22 when
   * better-sqlite3 is not installed. Name one to insist on it. Both write
   * the same file format, so a file made with one opens with the other.
   */
  driver?: SqliteDriver | 'auto';
}

/**
 * The chat's stores in one SQLite file, plus a way to close it. Rooms,
 * history, sessions, polls (with their votes) and the canvas are in the file;
 * `online`, `presence` and `typing` are in memory, because they describe the sockets
 * connected to this process, and none of those survives a restart.
 *
 * @example
 * const stores: SqliteStores = createSqliteStores('chat.sqlite');
 * const chat = createChatServer(httpServer, { stores });
 * // on shutdown:
 * await chat.close();
 * await stores.close();
 */
export interface SqliteStores extends ChatStores {
  /** The database file's absolute path (or `:memory:`). */
  readonly file: string;
  /** The SQLite driver that opened it (what `driver: 'auto'` chose). */
  readonly driver: SqliteDriver;
  /**
   * Closes the database. Close the chat server first: a store used after this
   * rejects with a `closed` {@link SqliteStoreError}. Calling it again is harmless.
   */
  close(): Promise<void>;
}

/**
 * Opens (or creates) a SQLite database at `file` and answers the chat's
 * stores on it, for `createChatServer`'s `stores` option: rooms, history,
 * sessions (token hashes only), polls and the canvas survive a restart.
 *
 * Every write is one transaction, committed before the store's promise
 * resolves, so anything the server acknowledged is in the file; the journal
 * is WAL (see `synchronous`). `':memory:'` gives a database that lives as long
 * as the stores, for tests.
 *
 * Uses the SQLite built into Node.js 24 and later (`node:sqlite`); on
 * Node.js 20 and 22 it needs the `better-sqlite3` package (an optional peer
 * dependency). See {@link SqliteStoresOptions.driver}.
 *
 * @throws {@link SqliteStoreError} when the file cannot be used: its folder is
 * missing (`directory_missing`), it cannot be written (`unwritable`), another
 * connection holds it (`locked`), it is not a SQLite database or is damaged
 * (`corrupt`), it belongs to another program (`incompatible`), or
 * no SQLite driver can be loaded (`binding_missing`). The message names the
 * path and the fix.
 *
 * @example
 * import { createServer } from 'node:http';
 * import { createChatServer } from '@funws/chat/server';
 * import { createSqliteStores } from '@funws/chat/sqlite';
 *
 * const stores = createSqliteStores('chat.sqlite');
 * const httpServer = createServer();
 * createChatServer(httpServer, { rooms: ['general'], stores });
 * httpServer.listen(3000, '127.0.0.1');
 */
export function createSqliteStores(file: string, options: SqliteStoresOptions = {}): SqliteStores {
  const maxSessions = options.maxSessions ?? 10_000;
  const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
  const synchronous = options.synchronous ?? 'normal';
  check('maxSessions', maxSessions, Number.isInteger(maxSessions) && maxSessions > 0);
  check('busyTimeoutMs', busyTimeoutMs, Number.isInteger(busyTimeoutMs) && busyTimeoutMs >= 0);
  check('synchronous', synchronous, synchronous === 'normal' || synchronous === 'full');
  const requested = options.driver ?? 'auto';
  check('driver', requested, requested === 'auto' || sqliteDrivers.includes(requested));

  const driver = chooseDriver(requested, file);
  const { db, path } = openDatabase(file, { driver, busyTimeoutMs, synchronous });
  const run = createRun(path);
  return {
    file: path,
    driver,
    sessions: createSqliteSessionStore(db, run, maxSessions),
    online: createMemoryOnlineStore(),
    rooms: createSqliteRoomStore(db, run),
    presence: createMemoryPresenceStore(),
    history: createSqliteHistoryStore(db, run),
    polls: createSqlitePollStore(db, run),
    canvas: createSqliteCanvasStore(db, run),
    typing: createMemoryTypingStore(),
    async close() {
      // Closing the last connection checkpoints the WAL into the file and removes it.
      if (db.open) db.close();
    },
  };
}

function check(name: string, value: unknown, valid: boolean): void {
  if (valid) return;
  const expected = {
    maxSessions: 'a positive integer',
    busyTimeoutMs: 'a whole number of milliseconds, 0 or more',
    synchronous: "'normal' or 'full'",
    driver: "'auto', 'node:sqlite' or 'better-sqlite3'",
  }[name];
  throw new TypeError(
    `createSqliteStores: options.${name} is ${JSON.stringify(value)}; expected ${expected}.`,
  );
}
