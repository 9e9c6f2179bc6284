import { createRequire } from 'node:module';
import type { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Redis } from 'ioredis';
import { RedisStoreError } from './redis-store-error.ts';

// ioredis and the streams adapter are optional peer dependencies:
// `@funws/chat/server` must work without them, so they are loaded here, on
// the first `createRedisStores` / `redisCluster`, with an error that says
// what to install.

const require = createRequire(import.meta.url);

/** ioredis's `Redis` class, or a `package_missing` error naming the fix. */
export function loadIoredis(): typeof Redis {
  try {
    return (require('ioredis') as { Redis: typeof Redis }).Redis;
  } catch (error) {
    throw missing('ioredis@^5', error);
  }
}

/** The streams adapter's `createAdapter`, or a `package_missing` error naming the fix. */
export function loadStreamsAdapter(): typeof createAdapter {
  try {
    return (require('@socket.io/redis-streams-adapter') as { createAdapter: typeof createAdapter })
      .createAdapter;
  } catch (error) {
    throw missing('@socket.io/redis-streams-adapter', error);
  }
}

function missing(name: string, error: unknown): RedisStoreError {
  const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
  return new RedisStoreError(
    'package_missing',
    `@funws/chat/redis could not load ${name}: ${reason}. ` +
      `Install it next to @funws/chat: npm install ioredis@^5 @socket.io/redis-streams-adapter.`,
    { cause: error },
  );
}
