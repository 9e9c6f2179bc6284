import { type BenchClient, connectClients, disconnectAll, join, pause } from '../clients.ts';
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
  /** Why the sizes after the last point could not be measured, if they could not. */
  failed?: string;
}

/**
 * Heap per idle joined client: the server's heap (after full collections)
 * with N clients connected and joined, minus its heap with none, divided by
 * N. The clients live in the benchmark's process, so none of their objects
 * are counted. Sizes grow on one server: 200, then 1,000, then 5,000.
 *
 * Clients join rooms of `roomSize`: a join costs every member of its room a
 * diff, so 5,000 joins into one room would be a 12.5-million-message storm
 * (for bare socket.io too) that measures fan-out, not memory; the join storm
 * measures that, at 1,000. What the server keeps per member does not depend
 * on the size of the room.
 */
export async function idleHeap(
  server: ServerHandle,
  {
    sizes = [200, 1000, 5000],
    roomSize = 250,
    snapshots,
  }: { sizes?: number[]; roomSize?: number; snapshots?: string | undefined } = {},
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
      const first = clients.length;
      clients.push(...added);
      for (let start = 0; start < added.length; start += 100) {
        await Promise.all(
          added
            .slice(start, start + 100)
            .map((client, i) => join(client, `idle-${Math.floor((first + start + i) / roomSize)}`)),
        );
      }
      // Let the last writes and acks settle before measuring.
      await pause(500);
      const { heapUsed } = await server.heap();
      points.push({ clients: size, heapUsed, bytesPerClient: (heapUsed - base.heapUsed) / size });
      if (snapshots) await server.snapshot(`${snapshots}/${server.kind}-idle-${size}.heapsnapshot`);
    }
    return { baseHeap: base.heapUsed, points };
  } catch (error) {
    return { baseHeap: base.heapUsed, points, failed: String(error) };
  } finally {
    await disconnectAll(clients);
    await server.drained();
  }
}
