/**
 * The SQLite drivers the stores can use:
 *
 * - `'node:sqlite'`: the SQLite built into Node.js (nothing to install). The
 *   default on Node.js 24 and later.
 * - `'better-sqlite3'`: the [better-sqlite3](https://github.com/WiseLibs/better-sqlite3)
 *   package (an optional peer dependency, compiled for your Node.js). The
 *   default on Node.js 20 and 22.
 *
 * @example
 * for (const driver of sqliteDrivers) console.log(driver); // 'node:sqlite', 'better-sqlite3'
 */
export const sqliteDrivers = ['node:sqlite', 'better-sqlite3'] as const;

/**
 * One of {@link sqliteDrivers}.
 *
 * @example
 * const driver: SqliteDriver = 'node:sqlite';
 */
export type SqliteDriver = (typeof sqliteDrivers)[number];

/** The running Node.js's major version: which drivers it has, and which 'auto' picks, depend on it. */
export const nodeMajor = Number(process.versions.node.split('.')[0]);

/** A value SQLite takes as a parameter. */
export type SqlValue = string | number | bigint | null | Uint8Array;

/**
 * A prepared statement, the same whichever driver runs it. Rows are plain
 * objects keyed by column name; `get` answers `undefined` when there is none.
 */
export interface Statement<Params extends SqlValue[] = SqlValue[], Row = unknown> {
  run(...params: Params): { changes: number | bigint };
  get(...params: Params): Row | undefined;
  all(...params: Params): Row[];
}

/** A function run in a transaction: deferred when called, write-locked from the start with `immediate`. */
export interface Transaction<Args extends unknown[], Result> {
  (...args: Args): Result;
  /** Runs it in a `BEGIN IMMEDIATE` transaction: nobody else writes between its reads and its writes. */
  immediate(...args: Args): Result;
}

/** An open database, the same whichever driver opened it. */
export interface Connection {
  /** The driver that opened it. */
  readonly driver: SqliteDriver;
  /** False once {@link Connection.close} was called. */
  readonly open: boolean;
  prepare<Params extends SqlValue[] = [], Row = unknown>(sql: string): Statement<Params, Row>;
  /** Runs SQL that answers nothing (or whose answer is not needed), several statements allowed. */
  exec(sql: string): void;
  /** The first column of the first row of `sql` (e.g. `PRAGMA user_version`). */
  value(sql: string): unknown;
  transaction<Args extends unknown[], Result>(
    work: (...args: Args) => Result,
  ): Transaction<Args, Result>;
  close(): void;
}

/** What a used-after-close connection throws; the stores answer it as `closed`. */
export class ConnectionClosedError extends Error {
  override name = 'ConnectionClosedError' as const;
  constructor() {
    super('the database connection is closed');
  }
}
