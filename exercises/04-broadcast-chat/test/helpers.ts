import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../src/protocol.ts';

/** A socket.io client typed with this demo's events, as the browser code has it. */
export type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

const early = new Set<Socket>();

/**
 * Connects a client that is already listening for `event` before the
 * connection opens, so an event the server sends the moment a client connects
 * (like `status`) cannot arrive before the test starts listening.
 */
export function connectListening<T>(
  url: string,
  event: keyof ServerToClientEvents,
  { timeoutMs = 1000, hint = '' } = {},
): { socket: Client; first: Promise<T> } {
  const socket = io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    autoConnect: false,
  });
  early.add(socket);
  const first = new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(
        new Error(
          `Expected the event '${event}' within ${timeoutMs} ms of connecting, but it did not arrive.${hint ? `\nHint: ${hint}` : ''}`,
        ),
      );
    }, timeoutMs);
    socket.once(event, (payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
  socket.connect();
  return { socket: socket as unknown as Client, first };
}

/** Disconnects the clients opened with `connectListening`. */
export function disconnectListening(): void {
  for (const socket of early) socket.disconnect();
  early.clear();
}

/** Adds a hint (where to look in the code) to a failure. */
export async function withHint<T>(promise: Promise<T>, hint: string): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${message}\nHint: ${hint}`);
  }
}

/** True when `value` is an ISO 8601 timestamp such as `2025-01-31T09:15:00.000Z`. */
export function isIsoTimestamp(value: unknown): boolean {
  return (
    typeof value === 'string' &&
    /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(value) &&
    new Date(value).toISOString() === value
  );
}
