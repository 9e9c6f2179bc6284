/**
 * Where the client keeps its session token between page loads. The shape is
 * a subset of the Web Storage API, so `localStorage` and `sessionStorage` fit,
 * and so does a two-method object of your own.
 *
 * @example
 * const memory = new Map<string, string>();
 * const storage: TokenStorage = {
 *   getItem: (key) => memory.get(key) ?? null,
 *   setItem: (key, value) => void memory.set(key, value),
 * };
 */
export interface TokenStorage {
  /** The stored value, or `null` when there is none. */
  getItem(key: string): string | null;
  /** Stores a value; may throw (a full storage), which the client tolerates. */
  setItem(key: string, value: string): void;
}

/**
 * The key the session token is kept under.
 *
 * @example
 * // "Sign out": the next connection gets a new identity.
 * localStorage.removeItem(tokenStorageKey);
 */
export const tokenStorageKey = 'funws:chat:token';

/**
 * `localStorage` when there is one that works, else `undefined`. Reading it
 * can throw (a sandboxed iframe, storage disabled, Node without a storage
 * file), and a chat should still work then, only without a remembered token.
 */
export function defaultTokenStorage(): TokenStorage | undefined {
  try {
    const storage = (globalThis as { localStorage?: TokenStorage }).localStorage;
    if (storage && typeof storage.getItem === 'function') {
      storage.getItem(tokenStorageKey);
      return storage;
    }
  } catch {
    // No usable storage: fall through.
  }
  return undefined;
}

/** Reads the stored token, treating a storage that throws as empty. */
export function readToken(storage: TokenStorage | undefined): string | undefined {
  try {
    return storage?.getItem(tokenStorageKey) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Stores the token; a full or read-only storage only costs us the memory of it. */
export function writeToken(storage: TokenStorage | undefined, token: string): void {
  try {
    storage?.setItem(tokenStorageKey, token);
  } catch {
    // Quota exceeded or storage disabled: the next page load gets a new identity.
  }
}
