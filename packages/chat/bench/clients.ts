import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../src/protocol/index.ts';

/** A benchmark client: a plain socket.io client speaking the chat's events (the bare server speaks them too). */
export type BenchClient = Socket<ServerToClientEvents, ClientToServerEvents>;

// Thousands of connections from one address to one port can run out of source
// ports (and each closed one sits in TIME_WAIT for a minute). All of
// 127.0.0.0/8 is loopback on Linux, so clients take turns among a few source
// addresses. Elsewhere (macOS has only 127.0.0.1) set BENCH_SOURCE_ADDRESSES=1.
const sourceAddresses = Array.from(
  { length: Number(process.env.BENCH_SOURCE_ADDRESSES ?? (process.platform === 'linux' ? 8 : 1)) },
  (_, index) => `127.0.0.${index + 1}`,
);
let turn = 0;

/** Connects one client (websocket only, no reconnection) and resolves once it is connected. */
export function connectClient(url: string, nickname: string): Promise<BenchClient> {
  const localAddress = sourceAddresses[turn++ % sourceAddresses.length];
  const client: BenchClient = io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth: { nickname },
    ...(localAddress === '127.0.0.1' ? {} : { localAddress }),
  });
  return new Promise((resolve, reject) => {
    client.once('connect', () => resolve(client));
    client.once('connect_error', (error) => reject(new Error(`${nickname}: ${error.message}`)));
  });
}

/** Connects `count` clients, `batch` at a time, named `${prefix}-0`, `${prefix}-1`, … */
export async function connectClients(
  url: string,
  prefix: string,
  count: number,
  batch = 100,
): Promise<BenchClient[]> {
  const clients: BenchClient[] = [];
  for (let start = 0; start < count; start += batch) {
    const size = Math.min(batch, count - start);
    const settled = await Promise.allSettled(
      Array.from({ length: size }, (_, i) => connectClient(url, `${prefix}-${start + i}`)),
    );
    for (const each of settled) if (each.status === 'fulfilled') clients.push(each.value);
    const failure = settled.find((each) => each.status === 'rejected');
    if (failure) {
      // Leave nothing connected behind: the caller never gets these clients to close.
      await disconnectAll(clients);
      throw new Error(
        `${clients.length} of ${count} clients connected, then: ${String(failure.reason)}`,
      );
    }
  }
  return clients;
}

/** Joins a room and resolves once the server acknowledged it. */
export async function join(client: BenchClient, room = 'general'): Promise<void> {
  const result = await client.timeout(60_000).emitWithAck('room:join', { room });
  if (!result.ok) throw new Error(`join failed: ${result.error.message}`);
}

/** Joins every client, `batch` at a time. */
export async function joinAll(
  clients: BenchClient[],
  room = 'general',
  batch = 100,
): Promise<void> {
  for (let start = 0; start < clients.length; start += batch) {
    await Promise.all(clients.slice(start, start + batch).map((client) => join(client, room)));
  }
}

/** Disconnects every client and waits until the server has seen them go (by their sockets' close). */
export async function disconnectAll(clients: BenchClient[]): Promise<void> {
  await Promise.all(
    clients.map(
      (client) =>
        new Promise<void>((resolve) => {
          if (!client.connected) return resolve();
          client.once('disconnect', () => resolve());
          client.disconnect();
        }),
    ),
  );
}

/** Waits `ms`: only for what has no event to await (a recovery window running out). */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
