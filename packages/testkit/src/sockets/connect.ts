import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';

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
  const socket = io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    ...options,
  }) as unknown as S;
  opened.add(socket as unknown as Socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error: Error & { data?: unknown }) => {
      const detail = error.data ? ` ${JSON.stringify(error.data)}` : '';
      reject(new Error(`Could not connect to ${url}: ${error.message}${detail}`));
    });
  });
  return socket;
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
