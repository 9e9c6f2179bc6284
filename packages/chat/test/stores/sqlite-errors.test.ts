import { chmod, mkdir, mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createSqliteStores,
  isSqliteStoreError,
  type SqliteStoreError,
  type SqliteStores,
} from '../../src/sqlite/index.ts';
import { message } from './contract/samples.ts';

// Every way a database file can be unusable ends in a SqliteStoreError whose
// code names it and whose message names the file and the fix; none crashes.

let folder = '';
const opened: SqliteStores[] = [];
const others: Database.Database[] = [];

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'funws-sqlite-errors-'));
});

afterEach(async () => {
  for (const other of others.splice(0)) other.close();
  await Promise.all(opened.splice(0).map((stores) => stores.close()));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

function stores(file: string, options: Parameters<typeof createSqliteStores>[1] = {}) {
  const made = createSqliteStores(file, options);
  opened.push(made);
  return made;
}

/** What `createSqliteStores(file)` threw, which must be a SqliteStoreError. */
function refusal(file: string, options: Parameters<typeof createSqliteStores>[1] = {}) {
  try {
    stores(file, options);
  } catch (error) {
    if (isSqliteStoreError(error)) return error;
    throw new Error(`Expected a SqliteStoreError, got ${String(error)}`);
  }
  throw new Error(`Expected createSqliteStores(${file}) to be refused.`);
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
    const other = new Database(file);
    other.exec('CREATE TABLE accounts (id INTEGER PRIMARY KEY, email TEXT)');
    other.close();
    const error = refusal(file);
    expect(error.code).toBe('incompatible');
    expect(error.message).toContain('accounts');
    const check = new Database(file);
    others.push(check);
    const tables = check
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table'")
      .pluck()
      .all();
    expect(tables).toEqual(['accounts']);
  });

  it('refuses a database written by a newer version with incompatible', async () => {
    const file = join(folder, 'newer.sqlite');
    await stores(file).close();
    const other = new Database(file);
    other.pragma('user_version = 99');
    other.close();
    const error = refusal(file);
    expect(error.code).toBe('incompatible');
    expect(error.message).toMatch(/schema version 99.*newer @funws\/chat/);
  });

  it('refuses with locked a new file another connection holds', () => {
    const file = join(folder, 'held.sqlite');
    const other = new Database(file);
    others.push(other);
    other.exec('CREATE TABLE held (x); BEGIN EXCLUSIVE; INSERT INTO held VALUES (1)');
    const error = refusal(file, { busyTimeoutMs: 50 });
    expect(error.code).toBe('locked');
    expect(error.message).toMatch(/busyTimeoutMs/);
  });

  it('refuses options that cannot work with a TypeError naming the option', () => {
    const file = join(folder, 'options.sqlite');
    expect(() => createSqliteStores(file, { maxSessions: 0 })).toThrow(
      /options\.maxSessions is 0; expected a positive integer/,
    );
    expect(() => createSqliteStores(file, { busyTimeoutMs: -1 })).toThrow(/options\.busyTimeoutMs/);
  });
});

describe('the SQLite stores while running', () => {
  it('reject a write with locked while another connection holds the file, and write once it lets go', async () => {
    const file = join(folder, 'busy.sqlite');
    const chat = stores(file, { busyTimeoutMs: 50 });
    const other = new Database(file);
    others.push(other);
    other.exec('BEGIN EXCLUSIVE');
    const error = await rejection(chat.history.append('general', message('general', 'hi'), 100));
    expect(error.code).toBe('locked');
    expect(error.message).toContain(file);
    expect(error.message).toContain("adding a message to 'general'");
    other.exec('COMMIT');
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

describe('isSqliteStoreError', () => {
  it('recognises an error from another copy of the library by its name and code', () => {
    expect(isSqliteStoreError({ name: 'SqliteStoreError', code: 'locked', message: 'x' })).toBe(
      true,
    );
    expect(isSqliteStoreError({ name: 'SqliteStoreError', code: 'nope' })).toBe(false);
    expect(isSqliteStoreError(new Error('locked'))).toBe(false);
  });
});
