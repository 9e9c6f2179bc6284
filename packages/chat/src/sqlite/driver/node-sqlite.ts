import { SqliteStoreError } from '../sqlite-store-error.ts';
import type { Connection } from './connection.ts';
import { type RawDatabase, wrapDatabase } from './wrap-database.ts';

// node:sqlite is part of Node.js from 22.5 (behind --experimental-sqlite until
// 22.13, and printing an ExperimentalWarning on 22). Node.js 20 does not have
// it. It is looked up with process.getBuiltinModule rather than imported, so
// that this file loads on every Node.js and bundlers leave it alone.

interface NodeSqlite {
  DatabaseSync: new (path: string) => RawDatabase;
}

/** node:sqlite, when this Node.js has it without a flag. */
export function loadNodeSqlite(): NodeSqlite | undefined {
  try {
    const found = process.getBuiltinModule?.('node:sqlite') as NodeSqlite | undefined;
    return typeof found?.DatabaseSync === 'function' ? found : undefined;
  } catch {
    return undefined;
  }
}

/** Opens `path` with node:sqlite, or throws `binding_missing` when this Node.js has none. */
export function openWithNodeSqlite(path: string): Connection {
  const sqlite = loadNodeSqlite();
  if (!sqlite) {
    throw new SqliteStoreError(
      'binding_missing',
      path,
      `Node.js ${process.version} has no node:sqlite, so ${path} cannot be opened with it. ` +
        "Use Node.js 24 or later, or the 'better-sqlite3' driver (npm install better-sqlite3@^12).",
    );
  }
  return wrapDatabase('node:sqlite', new sqlite.DatabaseSync(path));
}
