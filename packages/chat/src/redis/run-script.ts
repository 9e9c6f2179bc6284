import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { RedisStoreError } from './redis-store-error.ts';

/** Runs one Lua script atomically on Redis: nothing else runs between its commands. */
export type RunScript = (
  keys: readonly string[],
  args: readonly (string | number)[],
) => Promise<unknown>;

type Command = (numberOfKeys: number, ...keysAndArgs: (string | number)[]) => Promise<unknown>;

/**
 * Defines `lua` on `client` (EVALSHA, falling back to EVAL once after a
 * Redis restart forgot the script) and answers a function that runs it.
 */
export function defineScript(client: Redis, lua: string): RunScript {
  const name = `funws_${createHash('sha1').update(lua).digest('hex').slice(0, 16)}`;
  const commands = client as unknown as Record<string, Command | undefined>;
  if (typeof commands[name] !== 'function') client.defineCommand(name, { lua });
  const command = commands[name] as Command;
  return (keys, args) => guard(client, () => command.call(client, keys.length, ...keys, ...args));
}

/** Clients whose stores were closed: "Connection is closed" on them means "used after close()". */
const closedClients = new WeakSet<Redis>();

/** Marks `client` as closed by its stores (see {@link guard}). */
export function markClosed(client: Redis): void {
  closedClients.add(client);
}

/** Runs a Redis call on `client`, turning the client's failures into {@link RedisStoreError}s. */
export async function guard<T>(client: Redis, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toRedisStoreError(client, error);
  }
}

function toRedisStoreError(client: Redis, error: unknown): unknown {
  if (error instanceof RedisStoreError || !(error instanceof Error)) return error;
  const message = (error.message.split('\n')[0] ?? '').replace(/\.$/, '');
  if (closedClients.has(client) && /Connection is closed/i.test(message)) {
    return new RedisStoreError(
      'closed',
      `The Redis stores were used after close(): ${message}. Close the chat server before the stores.`,
      { cause: error },
    );
  }
  if (
    error.name === 'MaxRetriesPerRequestError' ||
    /Connection is closed|ECONNREFUSED|ETIMEDOUT|EHOSTUNREACH/i.test(message)
  ) {
    return new RedisStoreError(
      'unreachable',
      `Redis did not answer: ${message}. Check that redis-server is running at the URL you gave ` +
        '(on Debian: sudo apt-get install redis-server).',
      { cause: error },
    );
  }
  return new RedisStoreError('command_failed', `Redis refused a command: ${message}.`, {
    cause: error,
  });
}

/** Parses JSON these stores wrote, or fails with `bad_data` saying which key held what. */
export function decode<T>(json: unknown, what: string): T {
  if (typeof json === 'string') {
    try {
      return JSON.parse(json) as T;
    } catch {
      // reported below
    }
  }
  const shown = String(json).slice(0, 60);
  throw new RedisStoreError(
    'bad_data',
    `Redis holds ${JSON.stringify(shown)} for ${what}, which these stores did not write. ` +
      'Another program (or another version of @funws/chat) uses the same key prefix: give each its own `prefix`.',
  );
}
