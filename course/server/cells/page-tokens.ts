import { randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Short-lived random tokens that a course page gets from the server (same
 * origin only) and shows again with each request that does something: a
 * "Check my work" run, a client cell's connection. A cross-site page can make
 * the browser send a request, but it cannot read a token to put in it.
 */
export interface TokenStore {
  /** A new token for `purpose` (e.g. `page`, `cell:04-broadcast-chat`). */
  issue(purpose: string, ttlMs?: number): string;
  /** True when `token` was issued for `purpose` and has not expired. */
  verify(token: unknown, purpose: string): boolean;
  /** Like {@link verify}, and then the token is spent: it works once. */
  consume(token: unknown, purpose: string): boolean;
}

export interface TokenStoreOptions {
  /** How long a token lives by default, in ms. Default two hours. */
  ttlMs?: number;
  /** At most this many live tokens; the oldest go first. Default 1000. */
  maxTokens?: number;
  now?: () => number;
}

/**
 * An in-memory {@link TokenStore}: tokens die with the server, which is what a
 * page token should do (a reloaded page asks for a new one).
 *
 * @example
 * const tokens = createTokenStore();
 * const token = tokens.issue('page');
 * tokens.verify(token, 'page'); // true
 * tokens.verify(token, 'cell:04-broadcast-chat'); // false
 */
export function createTokenStore(options: TokenStoreOptions = {}): TokenStore {
  const defaultTtl = options.ttlMs ?? 2 * 60 * 60_000;
  const maxTokens = options.maxTokens ?? 1000;
  const now = options.now ?? Date.now;
  const live = new Map<string, { purpose: string; expires: number }>();

  const find = (token: unknown, purpose: string): string | undefined => {
    if (typeof token !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
    const entry = live.get(token);
    if (!entry) return undefined;
    if (entry.expires <= now()) {
      live.delete(token);
      return undefined;
    }
    const same =
      entry.purpose.length === purpose.length &&
      timingSafeEqual(Buffer.from(entry.purpose), Buffer.from(purpose));
    return same ? token : undefined;
  };

  return {
    issue(purpose, ttlMs = defaultTtl) {
      for (const [token, entry] of live) if (entry.expires <= now()) live.delete(token);
      while (live.size >= maxTokens) {
        const oldest = live.keys().next().value;
        if (oldest === undefined) break;
        live.delete(oldest);
      }
      const token = randomBytes(32).toString('base64url');
      live.set(token, { purpose, expires: now() + ttlMs });
      return token;
    },
    verify: (token, purpose) => find(token, purpose) !== undefined,
    consume(token, purpose) {
      const found = find(token, purpose);
      if (found === undefined) return false;
      live.delete(found);
      return true;
    },
  };
}
