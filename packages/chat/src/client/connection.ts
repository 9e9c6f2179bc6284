import { ChatError } from '../protocol/index.ts';
import type { ConnectionStatus } from './chat-state.ts';
import { toConnectionError } from './connection-error.ts';
import type { ChatSocket } from './request.ts';

/** What the connection's ups and downs feed into. */
export interface ConnectionSink {
  url: string;
  /** True while `connect()` waits: it reports its own failure. */
  isConnecting(): boolean;
  status(connection: ConnectionStatus): void;
  /** Called after a reconnection the server did not recover. */
  rejoin(): void;
  error(error: ChatError): void;
}

/**
 * Follows the socket through connection, loss, reconnection and refusal, and
 * says what the client's `connection` status is. The client counts as
 * connected once the server has sent the `session`, not at the bare socket
 * connect, so `state.session` is always set when `connection` says so.
 *
 * After a reconnection socket.io could not recover (the server restarted, or
 * we were away longer than its recovery window) the server no longer has us
 * in any room, so the client joins them again and refreshes their snapshots.
 *
 * @example
 * watchConnection(socket, { url, isConnecting, status, rejoin, error });
 */
export function watchConnection(socket: ChatSocket, sink: ConnectionSink): void {
  let connectedBefore = false;
  let recovered = false;
  socket.on('connect', () => {
    // `recovered` is left undefined by servers without recovery, hence the comparison.
    recovered = socket.recovered === true;
  });
  socket.on('session', () => {
    sink.status('connected');
    if (connectedBefore && !recovered) sink.rejoin();
    connectedBefore = true;
  });
  socket.on('disconnect', (reason) => {
    // `active` means socket.io will try again by itself.
    sink.status(socket.active ? 'reconnecting' : 'disconnected');
    if (reason === 'io server disconnect') {
      sink.error(
        new ChatError('connection_failed', `The chat server at ${sink.url} closed the connection.`),
      );
    }
  });
  socket.on('connect_error', (error) => {
    if (sink.isConnecting() || socket.active) return;
    // The server refused a reconnection (e.g. the token is no longer valid).
    sink.status('disconnected');
    sink.error(toConnectionError(error, sink.url));
  });
  socket.io.on('reconnect_failed', () => {
    sink.status('disconnected');
    sink.error(
      new ChatError('connection_failed', `Gave up reconnecting to the chat server at ${sink.url}.`),
    );
  });
}
