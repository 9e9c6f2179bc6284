/**
 * Every way the Redis stores and cluster can fail, as a closed set code can `switch` over.
 *
 * @example
 * for (const code of redisStoreErrorCodes) console.log(code); // 'package_missing', …
 */
export const redisStoreErrorCodes = [
  'package_missing',
  'invalid_option',
  'unreachable',
  'closed',
  'bad_data',
  'command_failed',
] as const;

/**
 * One of {@link redisStoreErrorCodes}:
 *
 * - `package_missing`: `ioredis` (or, for `redisCluster`, `@socket.io/redis-streams-adapter`) is not installed;
 * - `invalid_option`: an option of `createRedisStores` / `redisCluster` cannot work;
 * - `unreachable`: Redis did not answer (down, wrong URL) within the client's retries;
 * - `closed`: the stores were used after `close()`;
 * - `bad_data`: a key under the prefix holds something these stores did not write
 *   (another program, or another version, uses the same prefix);
 * - `command_failed`: Redis refused a command (out of memory, a wrong key type…).
 *
 * @example
 * if (isRedisStoreError(error) && error.code === 'unreachable') console.error('Is redis-server running?');
 */
export type RedisStoreErrorCode = (typeof redisStoreErrorCodes)[number];

/**
 * What the Redis stores throw or reject with. `code` says what happened in a
 * way code can check; `message` says what happened and how to fix it; `cause`
 * is the Redis client's own error, when there is one.
 *
 * @example
 * try {
 *   await stores.history.recent('general', 50);
 * } catch (error) {
 *   if (isRedisStoreError(error)) console.error(error.code, error.message);
 * }
 */
export class RedisStoreError extends Error {
  /** Always `'RedisStoreError'`, so {@link isRedisStoreError} can recognise one from another copy. */
  override name = 'RedisStoreError' as const;

  /**
   * @param code - What happened, for code to check.
   * @param message - What happened and how to fix it.
   * @param options - `cause`: the Redis client's own error, when there is one.
   */
  constructor(
    /** What happened, for code to check: one of {@link redisStoreErrorCodes}. */
    readonly code: RedisStoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * True for a {@link RedisStoreError}, also one made by another copy of the
 * library, where `instanceof` would say no.
 *
 * @example
 * stores.history.append('general', message, 100).catch((error: unknown) => {
 *   if (isRedisStoreError(error) && error.code === 'unreachable') alertTheAdmin(error.message);
 * });
 */
export function isRedisStoreError(value: unknown): value is RedisStoreError {
  if (value instanceof RedisStoreError) return true;
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { name?: unknown; code?: unknown };
  return (
    candidate.name === 'RedisStoreError' &&
    (redisStoreErrorCodes as readonly unknown[]).includes(candidate.code)
  );
}
