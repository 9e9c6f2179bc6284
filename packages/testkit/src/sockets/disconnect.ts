// biome-ignore-all lint/suspicious/noExplicitAny: helpers accept sockets of any typed event map
import type { Socket } from 'socket.io-client';

/** The part of a socket.io `Server` that {@link disconnectAndWait} needs. */
export interface ServerSockets {
  of(namespace: string): {
    sockets: Map<string, { once(event: 'disconnect', listener: () => void): unknown }>;
  };
}

/**
 * Disconnects `client` and resolves once the server has handled it: the
 * server's `'disconnect'` listeners for that socket have run (the app's own
 * were added when it connected, before this one), so whatever they sent to
 * the others is on its way. Pass it as `after` to wait for (or rule out) what
 * a departure causes, without a fixed wait:
 *
 * @example
 * const left = nextEvent(alice, 'user_left', {
 *   after: disconnectAndWait(bob, running.app.io),
 * });
 */
export function disconnectAndWait(
  client: Socket<any, any>,
  io: ServerSockets | undefined,
  namespace = '/',
): Promise<void> {
  const serverSide = client.id === undefined ? undefined : io?.of(namespace).sockets.get(client.id);
  const handled = new Promise<void>((resolve) => {
    if (serverSide) serverSide.once('disconnect', () => resolve());
    else resolve(); // already gone on the server's side
  });
  client.disconnect();
  return handled;
}
