import type { ManagerOptions, SocketOptions } from 'socket.io-client';
import { ChatError } from '../protocol/index.ts';
import type { TokenStorage } from './token-storage.ts';

/**
 * How to reach the chat server and who to be there.
 *
 * @example
 * const client = new ChatClient({ url: 'http://127.0.0.1:3000', nickname: 'ada' });
 */
export interface ChatClientOptions {
  /**
   * The server's origin, e.g. `http://127.0.0.1:3000`. Leave it out in a
   * browser to use the page's own origin (the safe default); required in Node.
   * Put only the origin here: socket.io reads a path in the URL as a
   * namespace, so an app mounted under a prefix sets `path` instead.
   */
  url?: string;
  /** The nickname to ask for; the server may refuse it (`nickname_taken`, `nickname_invalid`). */
  nickname: string;
  /**
   * A session token from an earlier `Session`, to be the same user
   * again. Defaults to the token kept in `storage`.
   */
  token?: string;
  /** The socket.io path on the server. Default `/socket.io`; e.g. `/chat/socket.io` under a prefix. */
  path?: string;
  /**
   * Where to keep the session token, so tabs and page loads share one
   * identity. Defaults to `localStorage` when there is one; pass `null` to
   * keep nothing.
   */
  storage?: TokenStorage | null;
  /** How long to wait for the server to answer a request, in ms. Default 5000. */
  timeoutMs?: number;
  /**
   * Anything else socket.io-client accepts (transports, reconnection delays…).
   * `autoConnect` and `auth` are the client's own and are ignored here.
   */
  socketOptions?: Partial<ManagerOptions & SocketOptions>;
}

/** Requests time out after this long unless `timeoutMs` says otherwise. */
export const defaultTimeoutMs = 5000;

/**
 * The URL to connect to: the one given, or the page's origin. Outside a
 * browser there is no page to take it from, so it must be given.
 */
export function resolveUrl(url: string | undefined): string {
  if (url !== undefined) return url;
  const location = (globalThis as { location?: { origin?: string } }).location;
  if (location?.origin && location.origin !== 'null') return location.origin;
  throw new ChatError(
    'invalid_payload',
    'ChatClient needs a `url` here: there is no page to take the origin from ' +
      "(received no url; expected e.g. { url: 'http://127.0.0.1:3000' }).",
  );
}
