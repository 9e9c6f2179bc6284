import { isBetterSqlite3Installed } from '../../src/sqlite/driver/better-sqlite3.ts';
import { nodeMajor, type SqliteDriver } from '../../src/sqlite/driver/connection.ts';
import { loadNodeSqlite } from '../../src/sqlite/driver/node-sqlite.ts';

/**
 * The SQLite drivers the tests run on this Node.js: node:sqlite where Node.js
 * has it (22.13 and later), better-sqlite3 on Node.js 20 and 22. Not
 * better-sqlite3 on Node.js 24+: version 12 can abort a Node 24 process when
 * a statement is garbage-collected (WiseLibs/better-sqlite3#1515), which is
 * why `driver: 'auto'` never picks it there.
 */
export const testedDrivers: SqliteDriver[] = [
  ...(loadNodeSqlite() ? (['node:sqlite'] as const) : []),
  ...(nodeMajor < 24 && isBetterSqlite3Installed() ? (['better-sqlite3'] as const) : []),
];

/** What `driver: 'auto'` must pick on this Node.js. */
export const expectedAutoDriver: SqliteDriver =
  nodeMajor >= 24 && loadNodeSqlite() ? 'node:sqlite' : 'better-sqlite3';
