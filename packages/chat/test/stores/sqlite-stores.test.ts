import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { createSqliteStores, type SqliteStores } from '../../src/sqlite/index.ts';
import { describeStores } from './contract/describe-stores.ts';
import { testedDrivers } from './sqlite-drivers.ts';

// The contract on real files in a temporary folder, one file per case, with
// every SQLite driver this Node.js runs.

let folder = '';
let files = 0;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'funws-sqlite-contract-'));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

for (const driver of testedDrivers) {
  describeStores(`SQLite (${driver})`, {
    persistent: true,
    make: async ({ maxSessions } = {}) => {
      files += 1;
      const file = join(folder, `stores-${files}.sqlite`);
      const options = { driver, ...(maxSessions === undefined ? {} : { maxSessions }) };
      let stores: SqliteStores = createSqliteStores(file, options);
      return {
        stores,
        restart: async () => {
          await stores.close();
          stores = createSqliteStores(file, options);
          return stores;
        },
        cleanup: () => stores.close(),
      };
    },
  });
}
