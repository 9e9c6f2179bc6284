import { io } from 'socket.io-client';
import type { ChatClientOptions } from './options.ts';
import type { ChatSocket } from './request.ts';

/** What the client presents in the handshake (`auth`). */
export interface HandshakeAuth {
  nickname: string;
  token?: string;
}

/**
 * Makes the client's socket, not yet connected. `auth` is asked for at every
 * (re)connection, so a reconnection presents the newest session token.
 *
 * @example
 * const socket = createSocket(url, options, () => ({ nickname: 'ada' }));
 */
export function createSocket(
  url: string,
  options: ChatClientOptions,
  auth: () => HandshakeAuth,
): ChatSocket {
  return io(url, {
    // Its own connection: socket.io would otherwise hand two clients of the
    // same URL one shared socket, and with it one identity.
    forceNew: true,
    ...options.socketOptions,
    ...(options.path === undefined ? {} : { path: options.path }),
    autoConnect: false,
    auth: (send) => send(auth()),
  });
}
