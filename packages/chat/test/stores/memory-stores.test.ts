import { createMemorySessionStore, createMemoryStores } from '../../src/server/index.ts';
import { describeStores } from './contract/describe-stores.ts';

describeStores('memory', {
  persistent: false,
  make: async ({ maxSessions } = {}) => ({
    stores: {
      ...createMemoryStores(),
      ...(maxSessions === undefined ? {} : { sessions: createMemorySessionStore({ maxSessions }) }),
    },
    cleanup: async () => {},
  }),
});
