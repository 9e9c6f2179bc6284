/**
 * The shape of a token bucket: a burst, then a steady rate.
 *
 * @example
 * const strict: RateLimit = { burst: 10, perSecond: 2 };
 * createChatServer(httpServer, { limits: { rateLimit: strict } });
 */
export interface RateLimit {
  /** Events allowed at once, from a full bucket. */
  burst: number;
  /** Events allowed per second once the burst is spent. */
  perSecond: number;
}

/**
 * A token bucket: `take()` answers true while tokens remain and spends one.
 * The bucket refills continuously, so nothing needs a timer.
 *
 * @example
 * const bucket = createTokenBucket({ burst: 60, perSecond: 30 });
 * if (!bucket.take()) throw new ChatError('rate_limited', 'Slow down.');
 */
export function createTokenBucket(
  { burst, perSecond }: RateLimit,
  clock: () => number = Date.now,
): {
  /** Spends one token and answers true, or answers false (spending nothing) when the bucket is empty. */
  take(): boolean;
} {
  let tokens = burst;
  let last = clock();
  return {
    take() {
      const now = clock();
      tokens = Math.min(burst, tokens + ((now - last) / 1000) * perSecond);
      last = now;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}
