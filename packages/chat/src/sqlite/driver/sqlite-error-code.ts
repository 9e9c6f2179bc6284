// SQLite's primary result codes (the low byte of an extended code), by number,
// for the ones the stores tell apart: https://sqlite.org/rescode.html
const primaryCodes: Record<number, string> = {
  3: 'SQLITE_PERM',
  5: 'SQLITE_BUSY',
  6: 'SQLITE_LOCKED',
  8: 'SQLITE_READONLY',
  10: 'SQLITE_IOERR',
  11: 'SQLITE_CORRUPT',
  13: 'SQLITE_FULL',
  14: 'SQLITE_CANTOPEN',
  23: 'SQLITE_AUTH',
  26: 'SQLITE_NOTADB',
};

/**
 * SQLite's result code for an error either driver threw (`'SQLITE_BUSY'`,
 * `'SQLITE_CORRUPT'`, …), or `undefined` when SQLite did not throw it.
 * better-sqlite3 throws a `SqliteError` whose `code` is the (extended) name;
 * node:sqlite an `Error` with `code: 'ERR_SQLITE_ERROR'` and the number in `errcode`.
 */
export function sqliteErrorCode(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const { code, errcode } = error as { code?: unknown; errcode?: unknown };
  if (error.name === 'SqliteError' && typeof code === 'string') return code;
  if (code === 'ERR_SQLITE_ERROR' && typeof errcode === 'number') {
    return primaryCodes[errcode & 0xff] ?? `SQLITE_ERROR_${errcode}`;
  }
  return undefined;
}
