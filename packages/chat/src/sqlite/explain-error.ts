import { ConnectionClosedError } from './driver/connection.ts';
import { sqliteErrorCode } from './driver/sqlite-error-code.ts';
import {
  isSqliteStoreError,
  SqliteStoreError,
  type SqliteStoreErrorCode,
} from './sqlite-store-error.ts';

/**
 * Turns what the SQLite driver threw while `doing` something with `file` into a
 * {@link SqliteStoreError} that says the path, what happened and how to fix it.
 * Anything that is not SQLite's (a bug, an error thrown by a caller's callback)
 * is answered unchanged, so it is never disguised as a database problem.
 */
export function explainError(error: unknown, file: string, doing: string): unknown {
  if (isSqliteStoreError(error)) return error;
  const found = classify(error);
  if (!found) return error;
  const [code, fix] = found;
  const said = error instanceof Error ? error.message : String(error);
  return new SqliteStoreError(
    code,
    file,
    `The chat database ${file} failed while ${doing}: ${said}. ${fix}`,
    { cause: error },
  );
}

/** The code and the advice for an error of SQLite's, or undefined for anything else. */
function classify(error: unknown): [SqliteStoreErrorCode, string] | undefined {
  if (error instanceof ConnectionClosedError) {
    return ['closed', 'The stores were closed; create them again with createSqliteStores.'];
  }
  const code = sqliteErrorCode(error);
  if (code === undefined) return undefined;
  if (/^SQLITE_(BUSY|LOCKED)/.test(code)) {
    return [
      'locked',
      'Another connection held it for longer than the busy timeout: stop the other program ' +
        '(or the second chat server) using this file, or raise `busyTimeoutMs`.',
    ];
  }
  if (/^SQLITE_(NOTADB|CORRUPT)/.test(code)) {
    return [
      'corrupt',
      'The file is not a SQLite database, or it is damaged. Move it away (keep it if you want to ' +
        'recover it) and start again: a new, empty database is created in its place.',
    ];
  }
  if (/^SQLITE_(READONLY|PERM|AUTH|CANTOPEN)/.test(code)) {
    return [
      'unwritable',
      'SQLite cannot write the file, or the files it keeps next to it (-wal, -shm): check that ' +
        'this user may write both the file and its folder, and that the disk is not read-only.',
    ];
  }
  if (code.startsWith('SQLITE_FULL')) {
    return ['disk_full', 'The disk is full: free some space; nothing was written.'];
  }
  return ['io', 'Check the disk and the file; the operation was not applied.'];
}
