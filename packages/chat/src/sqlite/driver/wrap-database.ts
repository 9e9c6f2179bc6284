import {
  type Connection,
  ConnectionClosedError,
  type SqliteDriver,
  type SqlValue,
  type Statement,
  type Transaction,
} from './connection.ts';

/**
 * What both drivers' database objects have in common: better-sqlite3's
 * `Database` and node:sqlite's `DatabaseSync` both prepare statements whose
 * `run`, `get` and `all` take positional parameters, and both `exec` and `close`.
 */
export interface RawDatabase {
  prepare(sql: string): RawStatement;
  exec(sql: string): unknown;
  close(): void;
}

/** A prepared statement as either driver makes it. */
export interface RawStatement {
  run(...params: SqlValue[]): { changes: number | bigint };
  get(...params: SqlValue[]): unknown;
  all(...params: SqlValue[]): unknown[];
}

/**
 * One {@link Connection} over either driver's database. Transactions are
 * ours (BEGIN, COMMIT, ROLLBACK as prepared statements), so they behave the
 * same on both; a transaction started inside another runs as part of it.
 */
export function wrapDatabase(driver: SqliteDriver, raw: RawDatabase): Connection {
  let open = true;
  let depth = 0;
  const ensureOpen = () => {
    if (!open) throw new ConnectionClosedError();
  };
  const prepare = <Params extends SqlValue[], Row>(sql: string): Statement<Params, Row> => {
    ensureOpen();
    const statement = raw.prepare(sql);
    return {
      run: (...params) => {
        ensureOpen();
        return statement.run(...params);
      },
      get: (...params) => {
        ensureOpen();
        return statement.get(...params) as Row | undefined;
      },
      all: (...params) => {
        ensureOpen();
        return statement.all(...params) as Row[];
      },
    };
  };
  // Prepared on the first transaction, once the database is known to be one.
  let control: Record<'begin' | 'immediate' | 'commit' | 'rollback', Statement> | undefined;
  const controls = () => {
    control ??= {
      begin: prepare('BEGIN'),
      immediate: prepare('BEGIN IMMEDIATE'),
      commit: prepare('COMMIT'),
      rollback: prepare('ROLLBACK'),
    };
    return control;
  };

  const inTransaction = <Args extends unknown[], Result>(
    start: 'begin' | 'immediate',
    work: (...args: Args) => Result,
    args: Args,
  ): Result => {
    if (depth > 0) return work(...args);
    const { commit, rollback, ...begin } = controls();
    begin[start].run();
    depth += 1;
    try {
      const result = work(...args);
      commit.run();
      return result;
    } catch (error) {
      // Whatever failed (the work, or the COMMIT itself), nothing of it stays.
      // SQLite may have rolled back already, which makes this ROLLBACK fail.
      try {
        if (open) rollback.run();
      } catch {}
      throw error;
    } finally {
      depth -= 1;
    }
  };

  return {
    driver,
    get open() {
      return open;
    },
    prepare,
    exec(sql) {
      ensureOpen();
      raw.exec(sql);
    },
    value(sql) {
      const row = prepare<[], Record<string, unknown>>(sql).get();
      return row ? Object.values(row)[0] : undefined;
    },
    transaction<Args extends unknown[], Result>(work: (...args: Args) => Result) {
      const deferred = (...args: Args) => inTransaction('begin', work, args);
      const immediate = (...args: Args) => inTransaction('immediate', work, args);
      return Object.assign(deferred, { immediate }) as Transaction<Args, Result>;
    },
    close() {
      if (!open) return;
      open = false;
      raw.close();
    },
  };
}
