/**
 * Every way the SQLite stores can fail, as a closed set code can `switch` over.
 *
 * @example
 * for (const code of sqliteStoreErrorCodes) console.log(code); // 'binding_missing', …
 */
export const sqliteStoreErrorCodes = [
  'binding_missing',
  'directory_missing',
  'unwritable',
  'locked',
  'corrupt',
  'incompatible',
  'disk_full',
  'closed',
  'io',
] as const;

/**
 * One of {@link sqliteStoreErrorCodes}:
 *
 * - `binding_missing`: no SQLite driver can be loaded: better-sqlite3 is not installed (or its
 *   native part was not built) and this Node.js has no `node:sqlite`;
 * - `directory_missing`: the folder the file should be in does not exist;
 * - `unwritable`: the file or its folder cannot be written (permissions, a read-only disk);
 * - `locked`: another connection held the database longer than the busy timeout;
 * - `corrupt`: the file is not a SQLite database, or is damaged;
 * - `incompatible`: a SQLite database of another program, or of a newer `@funws/chat`;
 * - `disk_full`: no space left for the write;
 * - `closed`: the stores were used after `close()`;
 * - `io`: any other failure of SQLite or the disk.
 *
 * @example
 * if (isSqliteStoreError(error) && error.code === 'locked') retryLater();
 */
export type SqliteStoreErrorCode = (typeof sqliteStoreErrorCodes)[number];

/**
 * What the SQLite stores throw (from `createSqliteStores`) or reject with
 * (from a store method). `code` says what happened in a way code can check;
 * `message` names the file, what happened and how to fix it; `file` is the
 * database's path; `cause` is SQLite's own error, when there is one.
 *
 * @example
 * try {
 *   stores = createSqliteStores('data/chat.sqlite');
 * } catch (error) {
 *   if (isSqliteStoreError(error)) console.error(error.message); // says the path and the fix
 *   else throw error;
 * }
 */
export class SqliteStoreError extends Error {
  /** Always `'SqliteStoreError'`, so {@link isSqliteStoreError} can recognise one from another copy. */
  override name = 'SqliteStoreError' as const;

  /**
   * @param code - What happened, for code to check.
   * @param file - The database's path.
   * @param message - What happened and how to fix it, naming the file.
   * @param options - `cause`: SQLite's own error, when there is one.
   */
  constructor(
    /** What happened, for code to check: one of {@link sqliteStoreErrorCodes}. */
    readonly code: SqliteStoreErrorCode,
    /** The database file's path, the one the message names (made absolute once the file is being opened). */
    readonly file: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * True for a {@link SqliteStoreError}, also one made by another copy of the
 * library, where `instanceof` would say no.
 *
 * @example
 * stores.history.append('general', message, 100).catch((error: unknown) => {
 *   if (isSqliteStoreError(error) && error.code === 'disk_full') alertTheAdmin(error.message);
 * });
 */
export function isSqliteStoreError(value: unknown): value is SqliteStoreError {
  if (value instanceof SqliteStoreError) return true;
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { name?: unknown; code?: unknown };
  return (
    candidate.name === 'SqliteStoreError' &&
    (sqliteStoreErrorCodes as readonly unknown[]).includes(candidate.code)
  );
}
