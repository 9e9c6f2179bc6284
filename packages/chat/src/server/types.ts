import type { Server, Socket } from 'socket.io';
import type {
  ClientEventName,
  ClientToServerEvents,
  InterServerEvents,
  ServerToClientEvents,
  SocketData,
} from '../protocol/index.ts';

/**
 * The socket.io server with the chat's event maps, never widened to `any`.
 *
 * @example
 * const io: ChatIo = new Server(httpServer, { connectionStateRecovery: {} });
 */
export type ChatIo = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;

/**
 * One connected socket with the chat's event maps.
 *
 * @example
 * chat.io.on('connection', (socket: ChatSocket) => console.log(socket.data.nickname));
 */
export type ChatSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;

/**
 * The handshake socket.io hands to middleware (socket.io does not export its type).
 *
 * @example
 * const authenticate = (handshake: ChatHandshake) => ({ nickname: String(handshake.query.name) });
 */
export type ChatHandshake = ChatSocket['handshake'];

/**
 * A value, or a promise of it: hooks may be sync or async.
 *
 * @example
 * const check = (text: string): MaybePromise<boolean> => text.length > 0;
 */
export type MaybePromise<T> = T | Promise<T>;

/** What a client→server event answers on success, without the `ok: true`. */
export type AckData<E extends ClientEventName> = Omit<
  Extract<Parameters<NonNullable<Parameters<ClientToServerEvents[E]>[1]>>[0], { ok: true }>,
  'ok'
>;
