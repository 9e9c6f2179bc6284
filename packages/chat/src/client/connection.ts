import { ChatError, type ChatErrorCode } from '../protocol/index.ts';
import type { ConnectionStatus } from './chat-state.ts';
import { toConnectionError } from './connection-error.ts';
import type { ChatSocket } from './request.ts';

/** What the connection's ups and downs feed into. */
export interface ConnectionSink {
  url: string;
  /** True while `connect()` waits: it reports its own failure. */
  isConnecting(): boolean;
  status(connection: ConnectionStatus): void;
  /**
   * Called after a reconnection the server did not recover: the client
   * joins its rooms again, catches up, and only then says `connected`.
   */
  rejoin(): void;
  error(error: ChatError): void;
}

/** Follows the connection; `stop()` cancels a retry that is waiting (the client was closed). */
export interface ConnectionWatch {
  stop(): void;
}

/**
 * Refusals a reconnection retries (with backoff) instead of giving up: the
 * server is shutting down or failed for a moment. Anything else the server
 * says (`nickname_taken`, `unauthorized`…) is its final answer.
 */
const retryableRefusals: readonly ChatErrorCode[] = ['unavailable', 'internal'];

/**
 * Follows the socket through connection, loss, reconnection and refusal, and
 * says what the client's `connection` status is. The client counts as
 * connected once the server has sent the `session`, not at the bare socket
 * connect, so `state.session` is always set when `connection` says so.
 *
 * While the server is unreachable socket.io retries by itself, with backoff
 * (`reconnectionDelay` doubling up to `reconnectionDelayMax`), and the status
 * stays `reconnecting`. A server that answers but refuses (our middleware)
 * stops socket.io's retries; a refusal that is worth retrying is retried here
 * with the same backoff, and any other ends in `disconnected` with an error.
 *
 * After a reconnection socket.io could not recover (the server restarted, or
 * we were away longer than its recovery window) the server no longer has us
 * in any room: `rejoin` joins them again, and the status turns `connected`
 * when that is done.
 *
 * @example
 * const watch = watchConnection(socket, { url, isConnecting, status, rejoin, error });
 * watch.stop();
 */
export function watchConnection(socket: ChatSocket, sink: ConnectionSink): ConnectionWatch {
  let connectedBefore = false;
  let recovered = false;
  let retries = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  socket.on('connect', () => {
    // `recovered` is left undefined by servers without recovery, hence the comparison.
    recovered = socket.recovered === true;
  });
  socket.on('session', () => {
    retries = 0;
    if (connectedBefore && !recovered) sink.rejoin();
    else sink.status('connected');
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
    // The server answered a reconnection with a refusal.
    const refusal = toConnectionError(error, sink.url);
    if (connectedBefore && retryableRefusals.includes(refusal.code)) {
      sink.status('reconnecting');
      retryTimer = setTimeout(
        () => {
          retryTimer = undefined;
          socket.connect();
        },
        backoff(socket, retries++),
      );
      return;
    }
    sink.status('disconnected');
    sink.error(refusal);
  });
  socket.io.on('reconnect_failed', () => {
    sink.status('disconnected');
    sink.error(
      new ChatError('connection_failed', `Gave up reconnecting to the chat server at ${sink.url}.`),
    );
  });
  return {
    stop() {
      clearTimeout(retryTimer);
      retryTimer = undefined;
    },
  };
}

/** socket.io's own backoff, from the manager's settings: doubling, capped, with jitter. */
function backoff(socket: ChatSocket, attempt: number): number {
  const manager = socket.io;
  const base = manager.reconnectionDelay() * 2 ** Math.min(attempt, 16);
  const jitter = manager.randomizationFactor();
  const spread = base * jitter * (Math.random() * 2 - 1);
  return Math.min(manager.reconnectionDelayMax(), Math.max(0, base + spread));
}
