import type { DemoApp } from '@funws/demo-kit';
import { demoLoaders } from '../mount-all.ts';

type Listener = (...args: unknown[]) => void;
interface Engine {
  listeners(event: 'connection'): Listener[];
  off(event: 'connection', listener: Listener): void;
}

/** The engine listener through which each demo's current socket.io server takes connections. */
const currentListener = new WeakMap<object, Listener>();

/**
 * Gives a running demo a fresh socket side, as if the class had just begun:
 * no chat history, no polls, no drawing, nobody online. Built from outside,
 * with no change to the demo: the demo's `createApp()` is called again, and
 * its new socket.io server is bound to the *same* Engine.IO server as the old
 * one (so the path, the origin check, the inspector's and the cells' hooks,
 * all on that engine, stay as they are); the old server stops taking
 * connections, its sockets' connections are closed, and the students' pages reconnect to
 * the new one by themselves (socket.io's reconnection) and get its empty
 * history. The demo's pages keep being served by the old express app: they
 * are files, the same for both.
 *
 * Returns the fresh demo; the caller replaces the old one with it.
 */
export async function freshDemo(folder: string, current: DemoApp): Promise<DemoApp> {
  const oldIo = current.io;
  const load = demoLoaders[folder];
  if (!oldIo || !load) throw new Error(`The demo ${folder} has no socket side to renew.`);
  const { createApp } = await load();
  const basePath = oldIo.path().replace(/\/socket\.io$/, '');
  const fresh = createApp({ basePath });
  if (!fresh.io) throw new Error(`The demo ${folder} built no socket.io server.`);

  const engine = oldIo.engine as unknown as Engine;
  // socket.io's own listener is the first on the engine (added when it was
  // attached, before the inspector or the classroom tapped it), or the one we
  // recorded when we bound a fresh server last time.
  const own = currentListener.get(oldIo) ?? engine.listeners('connection')[0];
  if (own) engine.off('connection', own);
  const before = new Set(engine.listeners('connection'));
  fresh.io.bind(oldIo.engine);
  const added = engine.listeners('connection').find((listener) => !before.has(listener));
  if (added) currentListener.set(fresh.io, added);

  // Close the connections under the old sockets rather than disconnect them:
  // to a client, a server-side disconnect means "stay away" (socket.io does
  // not reconnect after it), a closed transport means "try again".
  for (const socket of oldIo.of('/').sockets.values()) socket.conn.close();
  await current.close?.();
  return { ...fresh, app: current.app };
}
