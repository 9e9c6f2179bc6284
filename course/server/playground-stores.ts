import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ChatStores, createMemoryStores } from '@funws/chat/server';
import { createSqliteStores } from '@funws/chat/sqlite';

/**
 * Where `npm start` and `npm run dev` keep the playground's chat, so that it is
 * still there the next day: a SQLite file in `course/.data/` (git-ignored).
 * Delete the file to start with an empty playground.
 */
export const defaultPlaygroundFile = fileURLToPath(
  new URL('../.data/playground.sqlite', import.meta.url),
);

/** The playground's stores, and where they keep the chat. */
export interface PlaygroundStores {
  stores: ChatStores;
  /** The SQLite file the chat is kept in; undefined when it is in memory. */
  file: string | undefined;
  /** Why the file could not be used, when it could not: the chat is then in memory. */
  problem: string | undefined;
  /** Closes the file; call it after the playground's chat server. */
  close(): Promise<void>;
}

/**
 * The playground's stores in `file` (its folder is created), or in memory when
 * `file` is undefined. A file that cannot be used (damaged, locked, not
 * writable) does not stop the course: the playground runs in memory, and `log`
 * says why and what to do.
 *
 * @example
 * const playground = openPlaygroundStores(defaultPlaygroundFile, console.error);
 * createChatServer(io, { stores: playground.stores });
 */
export function openPlaygroundStores(
  file: string | undefined,
  log: (message: string) => void,
): PlaygroundStores {
  if (file === undefined) return inMemory(undefined);
  try {
    mkdirSync(dirname(file), { recursive: true });
    const stores = createSqliteStores(file);
    return { stores, file: stores.file, problem: undefined, close: () => stores.close() };
  } catch (error) {
    const problem = error instanceof Error ? error.message : String(error);
    log(
      "The playground's chat is kept in memory this time, and is lost when the course stops:\n" +
        `  ${problem}`,
    );
    return inMemory(problem);
  }
}

function inMemory(problem: string | undefined): PlaygroundStores {
  return { stores: createMemoryStores(), file: undefined, problem, close: async () => {} };
}
