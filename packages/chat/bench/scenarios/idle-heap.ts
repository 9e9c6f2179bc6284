import { type BenchClient, connectClients, disconnectAll, joinAll, pause } from '../clients.ts';
import type { ServerHandle } from '../server-handle.ts';

export interface IdleHeapPoint {
  clients: number;
  /** Heap growth per idle joined client, bytes. */
  bytesPerClient: number;
  heapUsed: number;
}

export interface IdleHeapResult {
  baseHeap: number;
  points: IdleHeapPoint[];
}

/**
 * Heap per idle joined client: the server's heap (after full collections)
 * with N clients connected and joined to one room, minus its heap with none,
 * divided by N. The clients live in the benchmark's process, so none of their
 * objects are counted. Sizes grow on one server: 200, then 1,000, then 5,000.
 */
export async function idleHeap(
  server: ServerHandle,
  {
    sizes = [200, 1000, 5000],
    snapshots,
  }: { sizes?: number[]; snapshots?: string | undefined } = {},
): Promise<IdleHeapResult> {
  const base = await server.heap();
  if (snapshots) await server.snapshot(`${snapshots}/${server.kind}-idle-0.heapsnapshot`);
  const clients: BenchClient[] = [];
  const points: IdleHeapPoint[] = [];
  try {
    for (const size of sizes) {
      const added = await connectClients(
        server.url,
        `idle-${clients.length}`,
        size - clients.length,
      );
      await joinAll(added);
      clients.push(...added);
      // Let the last writes and acks settle before measuring.
      await pause(500);
      const { heapUsed } = await server.heap();
      points.push({ clients: size, heapUsed, bytesPerClient: (heapUsed - base.heapUsed) / size });
      if (snapshots) await server.snapshot(`${snapshots}/${server.kind}-idle-${size}.heapsnapshot`);
    }
    return { baseHeap: base.heapUsed, points };
  } finally {
    await disconnectAll(clients);
    await server.drained();
  }
}
