import { accessSync, constants, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Connection, SqliteDriver } from './driver/connection.ts';
import { openConnection } from './driver/open-connection.ts';
import { explainError } from './explain-error.ts';
import { prepareSchema } from './schema.ts';
import { SqliteStoreError } from './sqlite-store-error.ts';

/** How {@link openDatabase} opens the file. */
export interface OpenSettings {
  driver: SqliteDriver;
  busyTimeoutMs: number;
  synchronous: 'normal' | 'full';
}

/**
 * Opens (or creates) the chat database at `file`: WAL journal, the chosen
 * `synchronous`, foreign keys on, schema checked or created. Every failure is
 * a {@link SqliteStoreError} naming the path and the fix.
 */
export function openDatabase(
  file: string,
  settings: OpenSettings,
): { db: Connection; path: string } {
  const path = file === ':memory:' ? file : resolve(file);
  if (path !== ':memory:') checkLocation(path);
  let db: Connection | undefined;
  try {
    db = openConnection(settings.driver, path);
    // How long a statement waits for another connection's lock before failing with SQLITE_BUSY.
    db.exec(`PRAGMA busy_timeout = ${settings.busyTimeoutMs}`);
    // WAL: a commit appends to the -wal file, readers never wait for the writer,
    // and a process killed mid-write leaves the last commit intact. With WAL,
    // `synchronous = NORMAL` makes every commit durable once it returns as far
    // as a crash of this process goes (kill -9 included; the OS has the data);
    // only a power cut or an OS crash can lose the last commits, which FULL
    // (an fsync per commit) guards against too, at a cost per message.
    db.exec('PRAGMA journal_mode = WAL');
    db.exec(`PRAGMA synchronous = ${settings.synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
    db.exec('PRAGMA foreign_keys = ON');
    prepareSchema(db, path);
    return { db, path };
  } catch (error) {
    db?.close();
    throw explainError(error, path, 'opening it');
  }
}

/** Refuses, before SQLite does, a folder that does not exist and a file or folder we cannot write. */
function checkLocation(path: string): void {
  const folder = dirname(path);
  const folderInfo = statOrUndefined(folder);
  if (!folderInfo?.isDirectory()) {
    const what = folderInfo ? 'is not a folder' : 'does not exist';
    throw new SqliteStoreError(
      'directory_missing',
      path,
      `Cannot create the chat database ${path}: the folder ${folder} ${what}. ` +
        `Create it first (mkdir -p ${folder}), or give a path in a folder that exists.`,
    );
  }
  const fileInfo = statOrUndefined(path);
  if (fileInfo?.isDirectory()) {
    throw new SqliteStoreError(
      'unwritable',
      path,
      `Cannot use ${path} as the chat database: it is a folder. Give the path of a file, e.g. ${path}/chat.sqlite.`,
    );
  }
  // WAL keeps two files beside the database (-wal, -shm): the folder must be writable too.
  for (const [target, what] of [
    [folder, 'its folder'],
    ...(fileInfo ? [[path, 'the file'] as const] : []),
  ] as const) {
    try {
      accessSync(target, constants.W_OK);
    } catch (error) {
      throw new SqliteStoreError(
        'unwritable',
        path,
        `Cannot write the chat database ${path}: this user may not write ${what} (${target}). ` +
          'Change its permissions, or give a path this user may write.',
        { cause: error },
      );
    }
  }
}

function statOrUndefined(path: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
