import { createRequire } from 'node:module';
import { SqliteStoreError } from '../sqlite-store-error.ts';
import { type Connection, nodeMajor } from './connection.ts';
import { type RawDatabase, wrapDatabase } from './wrap-database.ts';

// better-sqlite3 is an optional peer dependency: `@funws/chat/server` and
// `/client` must work without it (and without a C++ toolchain), so it is
// loaded here, on the first database that asks for it.

type BetterSqlite3 = new (path: string) => RawDatabase;

let loaded: BetterSqlite3 | undefined;

/** True when better-sqlite3 can be found from here (its native part is only loaded on open). */
export function isBetterSqlite3Installed(): boolean {
  try {
    createRequire(import.meta.url).resolve('better-sqlite3');
    return true;
  } catch {
    return false;
  }
}

/** Opens `path` with better-sqlite3, or throws `binding_missing` naming the fix. */
export function openWithBetterSqlite3(path: string): Connection {
  if (!loaded) {
    try {
      loaded = createRequire(import.meta.url)('better-sqlite3') as BetterSqlite3;
    } catch (error) {
      throw new SqliteStoreError(
        'binding_missing',
        path,
        `@funws/chat/sqlite could not load better-sqlite3 to open ${path}: ${firstLine(error)}. ` +
          'Install it next to @funws/chat (npm install better-sqlite3@^12)' +
          (nodeMajor >= 24
            ? ", or use driver: 'node:sqlite' (or 'auto'), the SQLite built into this Node.js."
            : ', or run on Node.js 24 or later, which has SQLite built in.'),
        { cause: error },
      );
    }
  }
  try {
    return wrapDatabase('better-sqlite3', new loaded(path));
  } catch (error) {
    if (isNativeBindingError(error)) throw nativeBindingError(path, error);
    throw error;
  }
}

/**
 * True when `error` says better-sqlite3's native part is missing or was built
 * for another Node.js: better-sqlite3 only loads it on the first `new Database()`.
 */
function isNativeBindingError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : '';
  const code = (error as { code?: unknown } | null)?.code;
  return (
    code === 'ERR_DLOPEN_FAILED' ||
    /Could not locate the bindings file|NODE_MODULE_VERSION|better_sqlite3\.node/.test(message)
  );
}

function nativeBindingError(path: string, error: unknown): SqliteStoreError {
  return new SqliteStoreError(
    'binding_missing',
    path,
    `better-sqlite3 is installed but its native part did not load, so ${path} cannot be opened: ` +
      `${oneLine(error)}. Build it for this Node.js (${process.version}): npm rebuild better-sqlite3. ` +
      'npm 11 skips install scripts it was not told to trust: allow it first with ' +
      '`npm install-scripts approve better-sqlite3` (or "allowScripts": { "better-sqlite3": true } in package.json).',
    { cause: error },
  );
}

/** The first line of what `error` says, without its full stop. */
function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n')[0] ?? message).replace(/\.$/, '');
}

/** All that `error` says, on one line, without its full stop (a native module's error spans several). */
function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s*\n\s*/g, ' ').replace(/\.$/, '');
}
