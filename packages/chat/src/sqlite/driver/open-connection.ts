import { SqliteStoreError } from '../sqlite-store-error.ts';
import { isBetterSqlite3Installed, openWithBetterSqlite3 } from './better-sqlite3.ts';
import { type Connection, nodeMajor, type SqliteDriver } from './connection.ts';
import { loadNodeSqlite, openWithNodeSqlite } from './node-sqlite.ts';

/** The driver `'auto'` picks on this Node.js: see {@link chooseDriver}. */
export type DriverChoice = SqliteDriver | 'auto';

/**
 * The driver to use for `requested` on this Node.js. `'auto'` answers:
 *
 * - on Node.js 24 and later, `'node:sqlite'`: it is built in, and better-sqlite3 12
 *   can abort a Node 24 process when a statement is garbage-collected
 *   (an assertion in its finalizer, WiseLibs/better-sqlite3#1515; better-sqlite3 13
 *   fixes it but needs Node-API 10, which no Node 20 has);
 * - on Node.js 20 and 22, `'better-sqlite3'` when it is installed (Node 20 has no
 *   node:sqlite; Node 22's still prints an ExperimentalWarning), and otherwise
 *   `'node:sqlite'` where this Node.js has it.
 *
 * @throws {@link SqliteStoreError} `binding_missing` when neither can be had.
 */
export function chooseDriver(requested: DriverChoice, file: string): SqliteDriver {
  if (requested !== 'auto') return requested;
  // node:sqlite is only loaded when it is the one chosen: on Node 22, loading it prints a warning.
  if (nodeMajor >= 24 && loadNodeSqlite()) return 'node:sqlite';
  if (isBetterSqlite3Installed()) return 'better-sqlite3';
  if (loadNodeSqlite()) return 'node:sqlite';
  throw new SqliteStoreError(
    'binding_missing',
    file,
    `@funws/chat/sqlite needs SQLite to open ${file}, and Node.js ${process.version} has none ` +
      'built in: install better-sqlite3 next to @funws/chat (npm install better-sqlite3@^12), ' +
      'or run on Node.js 24 or later.',
  );
}

/** Opens `path` with `driver`. Throws `binding_missing` when that driver cannot be loaded. */
export function openConnection(driver: SqliteDriver, path: string): Connection {
  return driver === 'node:sqlite' ? openWithNodeSqlite(path) : openWithBetterSqlite3(path);
}
