import { afterEach, beforeEach, describe } from 'vitest';
import type { ChatStores } from '../../../src/server/index.ts';
import { canvasContract } from './canvas-contract.ts';
import { historyContract } from './history-contract.ts';
import { onlineContract } from './online-contract.ts';
import { persistenceContract } from './persistence-contract.ts';
import { pollContract } from './poll-contract.ts';
import { presenceContract } from './presence-contract.ts';
import { roomContract } from './room-contract.ts';
import { sessionContract } from './session-contract.ts';
import { typingContract } from './typing-contract.ts';

/** Settings a contract case may ask the stores for. */
export interface StoreSettings {
  /** The session store's bound. */
  maxSessions?: number;
}

/** One set of stores under test, made fresh for each case. */
export interface StoresUnderTest {
  stores: ChatStores;
  /**
   * Closes the stores and opens them again on the same data, as a restarted
   * server would, and answers the new ones (cleanup then releases those).
   * Required when the factory says `persistent`.
   */
  restart?: () => Promise<ChatStores>;
  /** Releases whatever the stores hold (connections, files). */
  cleanup(): Promise<void>;
}

/** Makes fresh, empty stores; `settings` are what a case needs to differ from the defaults. */
export type MakeStores = (settings?: StoreSettings) => Promise<StoresUnderTest>;

/** What each contract gets: a way to make stores, tidied up after every case. */
export type UseStores = MakeStores;

/** An implementation of the stores, as the contract sees it. */
export interface StoresFactory {
  make: MakeStores;
  /** True when the stores survive a restart: the restart cases run too. */
  persistent: boolean;
}

/**
 * The store contract: the same cases for every implementation of the store
 * interfaces (memory, SQLite, and whatever comes next). Each case makes its
 * own stores with `make`, and they are cleaned up after it. Stores that
 * persist also run the restart cases.
 *
 * @example
 * describeStores('memory', {
 *   persistent: false,
 *   make: async () => ({ stores: createMemoryStores(), cleanup: async () => {} }),
 * });
 */
export function describeStores(name: string, { make, persistent }: StoresFactory): void {
  describe(`the ${name} stores`, () => {
    const made: StoresUnderTest[] = [];
    const use: UseStores = async (settings) => {
      const stores = await make(settings);
      made.push(stores);
      return stores;
    };
    beforeEach(() => {
      made.length = 0;
    });
    afterEach(async () => {
      await Promise.all(made.map((stores) => stores.cleanup()));
    });

    roomContract(use);
    historyContract(use);
    sessionContract(use);
    pollContract(use);
    canvasContract(use);
    presenceContract(use);
    onlineContract(use);
    typingContract(use);
    if (persistent) persistenceContract(use);
  });
}
