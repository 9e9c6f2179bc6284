import { chmod, mkdir, mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Connection, SqliteDriver } from '../../src/sqlite/driver/connection.ts';
import { loadNodeSqlite } from '../../src/sqlite/driver/node-sqlite.ts';
import { openConnection } from '../../src/sqlite/driver/open-connection.ts';
import {
  createSqliteStores,
  isSqliteStoreError,
  type SqliteStoreError,
  type SqliteStores,
} from '../../src/sqlite/index.ts';
import { message } from './contract/samples.ts';
import { expectedAutoDriver, testedDrivers } from './sqlite-drivers.ts';

// Every way a database file can be unusable ends in a SqliteStoreError whose
// code names it and whose message names the file and the fix; none crashes.
// The same cases run with every SQLite driver this Node.js runs.

/** The temporary folder of this file, and the one of the cases being run (a subfolder per driver). */
let base = '';
let folder = '';
const opened: SqliteStores[] = [];
const others: Connection[] = [];

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'funws-sqlite-errors-'));
  folder = base;
});

afterEach(async () => {
  for (const other of others.splice(0)) other.close();
  await Promise.all(opened.splice(0).map((stores) => stores.close()));
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

type Options = Parameters<typeof createSqliteStores>[1];

/** The driver of the cases being run (set by each driver's describe). */
let driver: SqliteDriver = 'better-sqlite3';

function stores(file: string, options: Options = {}) {
  const made = createSqliteStores(file, { driver, ...options });
  opened.push(made);
  return made;
}

/** What `createSqliteStores(file)` threw, which must be a SqliteStoreError. */
function refusal(file: string, options: Options = {}) {
  try {
    stores(file, options);
  } catch (error) {
    if (isSqliteStoreError(error)) return error;
    throw new Error(`Expected a SqliteStoreError, got ${String(error)}`);
  }
  throw new Error(`Expected createSqliteStores(${file}) to be refused.`);
}

/** Another program's connection to `file`, closed after the case. */
function other(file: string): Connection {
  const connection = openConnection(driver, file);
  others.push(connection);
  return connection;
}

/** The SqliteStoreError `promise` rejects with. */
async function rejection(promise: Promise<unknown>): Promise<SqliteStoreError> {
  try {
    await promise;
  } catch (error) {
    if (isSqliteStoreError(error)) return error;
    throw new Error(`Expected a SqliteStoreError, got ${String(error)}`);
  }
  throw new Error('Expected the operation to be refused.');
}

describe.each(testedDrivers)('with %s', (tested) => {
  beforeAll(async () => {
    driver = tested;
    folder = join(base, tested.replace(':', '-'));
    await mkdir(folder);
  });

  describe('createSqliteStores on a file it cannot use', () => {
    it('refuses a folder that does not exist with directory_missing and says to create it', () => {
      const file = join(folder, 'no-such-folder', 'chat.sqlite');
      const error = refusal(file);
      expect(error.code).toBe('directory_missing');
      expect(error.file).toBe(file);
      expect(error.message).toContain(file);
      expect(error.message).toContain(`mkdir -p ${join(folder, 'no-such-folder')}`);
    });

    it('refuses a folder it may not write in with unwritable', async () => {
      // root may write in a folder without write permission, but nobody may create files in /proc.
      let target = '/proc';
      if (process.getuid?.() !== 0) {
        target = join(folder, 'read-only');
        await mkdir(target);
        await chmod(target, 0o500);
      }
      const file = join(target, 'chat.sqlite');
      const error = refusal(file);
      expect(error.code).toBe('unwritable');
      expect(error.message).toContain(file);
    });

    it('refuses a path that is a folder with unwritable, and says to name a file', () => {
      const error = refusal(folder);
      expect(error.code).toBe('unwritable');
      expect(error.message).toContain(`${folder}/chat.sqlite`);
    });

    it('refuses a file that is not a SQLite database with corrupt, and leaves it alone', async () => {
      const file = join(folder, 'notes.sqlite');
      const text = 'These are my notes, not a database.\n'.repeat(50);
      await writeFile(file, text);
      const error = refusal(file);
      expect(error.code).toBe('corrupt');
      expect(error.message).toContain(file);
      expect(error.message).toMatch(/Move it away/);
      expect(await readFile(file, 'utf8')).toBe(text);
    });

    it('refuses a damaged database with corrupt', async () => {
      const file = join(folder, 'damaged.sqlite');
      const first = stores(file);
      for (let i = 0; i < 50; i += 1)
        await first.history.append('general', message('general', `m${i}`), 100);
      await first.close();
      // Scribble over the first page past its 100-byte header: the schema's own table.
      const handle = await open(file, 'r+');
      await handle.write(Buffer.alloc(3000, 0xa5), 0, 3000, 100);
      await handle.close();
      const error = refusal(file);
      expect(error.code).toBe('corrupt');
      expect(error.message).toMatch(/malformed/);
    });

    it('refuses a SQLite database of another program with incompatible, adding nothing to it', () => {
      const file = join(folder, 'accounts.sqlite');
      const program = other(file);
      program.exec('CREATE TABLE accounts (id INTEGER PRIMARY KEY, email TEXT)');
      program.close();
      const error = refusal(file);
      expect(error.code).toBe('incompatible');
      expect(error.message).toContain('accounts');
      const tables = other(file)
        .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table'")
        .all()
        .map((row) => row.name);
      expect(tables).toEqual(['accounts']);
    });

    it('refuses a database written by a newer version with incompatible', async () => {
      const file = join(folder, 'newer.sqlite');
      await stores(file).close();
      const newer = other(file);
      newer.exec('PRAGMA user_version = 99');
      newer.close();
      const error = refusal(file);
      expect(error.code).toBe('incompatible');
      expect(error.message).toMatch(/schema version 99.*newer @funws\/chat/);
    });

    it('refuses with locked a new file another connection holds', () => {
      const file = join(folder, 'held.sqlite');
      other(file).exec('CREATE TABLE held (x); BEGIN EXCLUSIVE; INSERT INTO held VALUES (1)');
      const error = refusal(file, { busyTimeoutMs: 50 });
      expect(error.code).toBe('locked');
      expect(error.message).toMatch(/busyTimeoutMs/);
    });

    it('refuses options that cannot work with a TypeError naming the option', () => {
      const file = join(folder, 'options.sqlite');
      expect(() => createSqliteStores(file, { maxSessions: 0 })).toThrow(
        /options\.maxSessions is 0; expected a positive integer/,
      );
      expect(() => createSqliteStores(file, { busyTimeoutMs: -1 })).toThrow(
        /options\.busyTimeoutMs/,
      );
    });
  });

  describe('the SQLite stores while running', () => {
    it('reject a write with locked while another connection holds the file, and write once it lets go', async () => {
      const file = join(folder, 'busy.sqlite');
      const chat = stores(file, { busyTimeoutMs: 50 });
      const holder = other(file);
      holder.exec('BEGIN EXCLUSIVE');
      const error = await rejection(chat.history.append('general', message('general', 'hi'), 100));
      expect(error.code).toBe('locked');
      expect(error.message).toContain(file);
      expect(error.message).toContain("adding a message to 'general'");
      holder.exec('COMMIT');
      const sent = message('general', 'hello again');
      await chat.history.append('general', sent, 100);
      expect(await chat.history.recent('general', 10)).toEqual([sent]);
    });

    it('reject every operation after close with closed; closing again is harmless', async () => {
      const chat = stores(join(folder, 'closed.sqlite'));
      await chat.close();
      await chat.close();
      expect((await rejection(chat.rooms.list())).code).toBe('closed');
      expect((await rejection(chat.sessions.get('hash'))).code).toBe('closed');
    });

    it('keep nothing on disk for :memory:', async () => {
      const chat = stores(':memory:');
      expect(chat.file).toBe(':memory:');
      await chat.rooms.create('general', 10);
      expect(await chat.rooms.list()).toEqual(['general']);
    });
  });
});

describe('choosing the SQLite driver', () => {
  it(`picks ${expectedAutoDriver} on Node.js ${process.versions.node} when told nothing`, async () => {
    const chat = createSqliteStores(':memory:');
    opened.push(chat);
    expect(chat.driver).toBe(expectedAutoDriver);
    await chat.rooms.create('general', 10);
    expect(await chat.rooms.list()).toEqual(['general']);
  });

  // Both drivers run only on Node.js 22 (Node 20 has no node:sqlite; on 24 better-sqlite3 is not tested).
  it.runIf(testedDrivers.length === 2)(
    'opens with either driver a file the other wrote, so a database moves between Node.js versions',
    async () => {
      const file = join(base, 'moved.sqlite');
      const written = createSqliteStores(file, { driver: 'better-sqlite3' });
      const sent = message('general', 'written by better-sqlite3');
      await written.history.append('general', sent, 100);
      await written.close();
      const read = stores(file, { driver: 'node:sqlite' });
      expect(await read.history.recent('general', 10)).toEqual([sent]);
    },
  );

  it('refuses a driver it does not know with a TypeError naming the choices', () => {
    expect(() =>
      createSqliteStores(':memory:', { driver: 'sqlite3' as unknown as 'node:sqlite' }),
    ).toThrow(/options\.driver is "sqlite3"; expected 'auto', 'node:sqlite' or 'better-sqlite3'/);
  });

  it.runIf(!loadNodeSqlite())(
    'answers binding_missing for node:sqlite on a Node.js without it, naming Node.js 24',
    () => {
      const file = join(folder, 'no-node-sqlite.sqlite');
      const error = refusal(file, { driver: 'node:sqlite' });
      expect(error.code).toBe('binding_missing');
      expect(error.message).toContain(process.version);
      expect(error.message).toMatch(/Node\.js 24/);
    },
  );
});

describe('isSqliteStoreError', () => {
  it('recognises an error from another copy of the library by its name and code', () => {
    expect(isSqliteStoreError({ name: 'SqliteStoreError', code: 'locked', message: 'x' })).toBe(
      true,
    );
    expect(isSqliteStoreError({ name: 'SqliteStoreError', code: 'nope' })).toBe(false);
    expect(isSqliteStoreError(new Error('locked'))).toBe(false);
  });
});
