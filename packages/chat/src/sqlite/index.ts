/**
 * Stores that survive a restart: `createSqliteStores(file)` keeps the chat's
 * rooms, history, sessions, polls and canvas in one SQLite file, through the
 * SQLite built into Node.js 24 and later (`node:sqlite`), or on Node.js 20 and
 * 22 through [better-sqlite3](https://github.com/WiseLibs/better-sqlite3) (an
 * optional peer dependency: `npm install better-sqlite3@^12`).
 *
 * @example
 * import { createServer } from 'node:http';
 * import { createChatServer } from '@funws/chat/server';
 * import { createSqliteStores } from '@funws/chat/sqlite';
 *
 * const httpServer = createServer();
 * createChatServer(httpServer, { stores: createSqliteStores('chat.sqlite') });
 * httpServer.listen(3000, '127.0.0.1');
 *
 * @module
 */

export type { SqliteStores, SqliteStoresOptions } from './create-sqlite-stores.ts';
export { createSqliteStores } from './create-sqlite-stores.ts';
export type { SqliteDriver } from './driver/connection.ts';
export { sqliteDrivers } from './driver/connection.ts';
export type { SqliteStoreErrorCode } from './sqlite-store-error.ts';
export {
  isSqliteStoreError,
  SqliteStoreError,
  sqliteStoreErrorCodes,
} from './sqlite-store-error.ts';
