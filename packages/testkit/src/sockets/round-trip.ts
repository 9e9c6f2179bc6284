// biome-ignore-all lint/suspicious/noExplicitAny: helpers accept sockets of any typed event map
import type { Socket } from 'socket.io-client';

type AnySocket = Socket<any, any>;

/**
 * The namespace a round trip asks for. No app serves it, so socket.io answers
 * at once with "Invalid namespace", on the same connection, in order.
 */
const PROBE_NAMESPACE = '/__funws-round-trip';

/** How long a round trip may take before the server counts as gone. */
const DEFAULT_TIMEOUT_MS = 2000;

/** Round trips in progress per socket, so each starts after the one before it ended. */
const queues = new WeakMap<AnySocket, Promise<void>>();

/**
 * Resolves once a request from `socket` and the server's answer have crossed
 * `socket`'s own connection, twice in a row. Socket.IO keeps the packets of a
 * connection in order, so afterwards everything the server sent this socket
 * while handling what it had received before has arrived: if an event is not
 * here yet, the server did not send it.
 *
 * That is how a test proves that nothing arrived, without a fixed wait that is
 * slow on a fast machine and wrong on a slow one. It needs nothing from the
 * app: it asks for a namespace no app serves, and socket.io's refusal is the
 * answer. Twice, because socket.io handles an event on the tick after reading
 * it, while it answers a namespace request at once: the second request is
 * read only after the first answer went out, by which time the handlers of
 * everything received earlier have run.
 *
 * @throws Error when `socket` is not connected, or the server does not answer
 * within `timeoutMs` (it stopped, or it is stuck in a loop).
 *
 * @example
 * alice.emit('typing_start'); // no acknowledgement to wait for
 * await roundTrip(alice); // the server has handled it now
 */
export function roundTrip(
  socket: AnySocket,
  { timeoutMs = DEFAULT_TIMEOUT_MS }: { timeoutMs?: number } = {},
): Promise<void> {
  if (!socket.connected) {
    return Promise.reject(
      new Error(
        'roundTrip needs a connected socket, but this one is not connected (did the test disconnect it, or did the server?).',
      ),
    );
  }
  const previous = queues.get(socket) ?? Promise.resolve();
  const next = previous
    .catch(() => {})
    .then(() => probe(socket, timeoutMs))
    .then(() => probe(socket, timeoutMs));
  queues.set(socket, next);
  return next;
}

function probe(socket: AnySocket, timeoutMs: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const asker = socket.io.socket(PROBE_NAMESPACE);
    const finish = (error?: Error) => {
      clearTimeout(timer);
      asker.off('connect_error', onRefused);
      asker.off('connect', onAccepted);
      if (error) reject(error);
      else resolve();
    };
    const onRefused = () => finish();
    // A server that accepts any namespace answers with a connection instead.
    const onAccepted = () => {
      asker.disconnect();
      finish();
    };
    const timer = setTimeout(
      () =>
        finish(
          new Error(
            `The server did not answer a round trip within ${timeoutMs} ms. Is it still running, or stuck in a loop?`,
          ),
        ),
      timeoutMs,
    );
    asker.once('connect_error', onRefused);
    asker.once('connect', onAccepted);
    if (!asker.active) asker.connect();
  });
}
