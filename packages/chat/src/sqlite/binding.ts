import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import { SqliteStoreError } from './sqlite-store-error.ts';

// better-sqlite3 is an optional peer dependency: `@funws/chat/server` and
// `/client` must work without it (and without a C++ toolchain), so it is loaded
// here, on the first `createSqliteStores`, with an error that says what to install.

/** An open better-sqlite3 connection. */
export type Database = BetterSqlite3.Database;
/** A prepared better-sqlite3 statement. */
export type Statement<Parameters extends unknown[], Row = unknown> = BetterSqlite3.Statement<
  Parameters,
  Row
>;
type DatabaseConstructor = typeof BetterSqlite3;

let binding: DatabaseConstructor | undefined;

/** better-sqlite3's `Database` class, or a `binding_missing` error naming the fix. */
export function loadBinding(file: string): DatabaseConstructor {
  if (binding) return binding;
  try {
    binding = createRequire(import.meta.url)('better-sqlite3') as DatabaseConstructor;
    return binding;
  } catch (error) {
    throw new SqliteStoreError(
      'binding_missing',
      file,
      `@funws/chat/sqlite could not load better-sqlite3 to open ${file}: ${reason(error)}. ` +
        'Install it next to @funws/chat: npm install better-sqlite3@^12.',
      { cause: error },
    );
  }
}

/**
 * True when `error` says better-sqlite3's native part is missing or was built
 * for another Node.js: better-sqlite3 only loads it on the first `new Database()`.
 */
export function isNativeBindingError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : '';
  const code = (error as { code?: unknown } | null)?.code;
  return (
    code === 'ERR_DLOPEN_FAILED' ||
    /Could not locate the bindings file|NODE_MODULE_VERSION|better_sqlite3\.node/.test(message)
  );
}

/** The `binding_missing` error for a native part that is missing or built for another Node.js. */
export function nativeBindingError(file: string, error: unknown): SqliteStoreError {
  return new SqliteStoreError(
    'binding_missing',
    file,
    `better-sqlite3 is installed but its native part did not load, so ${file} cannot be opened: ` +
      `${reason(error)}. Build it for this Node.js (${process.version}): npm rebuild better-sqlite3. ` +
      'npm 11 skips install scripts it was not told to trust: allow it first with ' +
      '`npm install-scripts approve better-sqlite3` (or "allowScripts": { "better-sqlite3": true } in package.json).',
    { cause: error },
  );
}

function reason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}
