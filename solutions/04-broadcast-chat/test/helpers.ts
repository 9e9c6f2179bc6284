import { nextEvent } from '@funws/testkit';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../src/protocol.ts';

/** A socket.io client typed with this demo's events, as the browser code has it. */
export type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

const early = new Set<Socket>();

/**
 * Connects a client that is already listening for `event` before the
 * connection opens, so an event the server sends the moment a client connects
 * (like `message_history`) cannot arrive before the test starts listening.
 * A server that sends no such event fails at once: once connected, a round
 * trip on the new connection shows nothing more is coming.
 */
export function connectListening<T>(
  url: string,
  event: keyof ServerToClientEvents,
  { hint = '' } = {},
): { socket: Client; first: Promise<T> } {
  const socket = io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    autoConnect: false,
  });
  early.add(socket);
  const connected = new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(error));
  });
  const first = nextEvent<T>(socket, event, { after: connected }).catch((error: Error) => {
    throw new Error(`${error.message}${hint ? `\nHint: ${hint}` : ''}`);
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

/**
 * How long a step test waits for an acknowledgement. The server answers at
 * once on loopback; when it does not answer at all (a handler that forgot
 * `reply(ack, …)`), the test fails after this instead of after vitest's
 * 15-second test timeout.
 */
export const ACK_TIMEOUT_MS = 2000;
