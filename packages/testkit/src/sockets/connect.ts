import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import { DEFAULT_EVENT_TIMEOUT_MS, nextEvent } from './events.ts';

/** Every client a test opened, so `disconnectAll()` can tidy up after it. */
const opened = new Set<Socket>();

/**
 * Connects a real socket.io client and waits until the server has accepted it.
 * Uses the WebSocket transport straight away (no long-polling first), which is
 * what a browser ends up on anyway and makes tests quicker.
 *
 * @throws Error naming the URL and the server's reason when the connection is refused.
 *
 * @example
 * const alice = await connect(url);
 * const bob = await connect(url, { auth: { nickname: 'bob' } });
 */
// biome-ignore lint/suspicious/noExplicitAny: a test may pass any typed event map
export async function connect<S extends Socket<any, any> = Socket>(
  url: string,
  options: Partial<ManagerOptions & SocketOptions> = {},
): Promise<S> {
  const socket = openSocket<S>(url, options);
  socket.connect();
  await connected(socket, url);
  return socket;
}

/**
 * Connects like {@link connect} and also waits for `event`, an event the server
 * sends as soon as a client connects (a greeting, the history so far).
 * Listening starts before the connection opens, so the event cannot slip by,
 * which it can with `await connect(url)` followed by `nextEvent(…)`. A server
 * that sends no such event is caught at once: once connected, a round trip on
 * the new connection proves that nothing more is coming.
 *
 * @throws Error naming the event when the server did not send it on connecting.
 *
 * @example
 * const [alice, history] = await connectAndReceive<{ messages: Message[] }>(url, 'message_history');
 * expect(history.messages).toEqual([]);
 */
// biome-ignore lint/suspicious/noExplicitAny: a test may pass any typed event map
export async function connectAndReceive<T = unknown, S extends Socket<any, any> = Socket>(
  url: string,
  event: string,
  options: Partial<ManagerOptions & SocketOptions> = {},
  { timeoutMs = DEFAULT_EVENT_TIMEOUT_MS }: { timeoutMs?: number } = {},
): Promise<[S, T]> {
  const socket = openSocket<S>(url, options);
  const isConnected = connected(socket, url);
  const received = nextEvent<T>(socket, event, { timeoutMs, after: isConnected });
  socket.connect();
  const [, payload] = await Promise.all([isConnected, received]);
  return [socket, payload];
}

// biome-ignore lint/suspicious/noExplicitAny: a test may pass any typed event map
function openSocket<S extends Socket<any, any>>(
  url: string,
  options: Partial<ManagerOptions & SocketOptions>,
): S {
  const socket = io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    ...options,
    autoConnect: false,
  }) as unknown as S;
  opened.add(socket as unknown as Socket);
  return socket;
}

// biome-ignore lint/suspicious/noExplicitAny: a test may pass any typed event map
function connected(socket: Socket<any, any>, url: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error: Error & { data?: unknown }) => {
      const detail = error.data ? ` ${JSON.stringify(error.data)}` : '';
      reject(new Error(`Could not connect to ${url}: ${error.message}${detail}`));
    });
  });
}

/**
 * Connects `count` clients at once.
 *
 * @example
 * const [alice, bob, carol] = await connectMany(url, 3);
 */
// biome-ignore lint/suspicious/noExplicitAny: a test may pass any typed event map
export function connectMany<S extends Socket<any, any> = Socket>(
  url: string,
  count: number,
  options: Partial<ManagerOptions & SocketOptions> = {},
): Promise<S[]> {
  return Promise.all(Array.from({ length: count }, () => connect<S>(url, options)));
}

/** Disconnects every client opened with `connect` that is still open. */
export function disconnectAll(): void {
  for (const socket of opened) socket.disconnect();
  opened.clear();
}
