import { performance } from 'node:perf_hooks';
import { connectClient, disconnectAll, join, pause } from '../clients.ts';
import type { ServerHandle } from '../server-handle.ts';

export interface ChurnResult {
  cycles: number;
  seconds: number;
  /** Heap after a warm-up, before the cycles. */
  startHeap: number;
  /** Heap once every socket of the cycles is gone. */
  afterCycles: number;
  /** Heap once the recovery window (and socket.io's sweep of it) has passed. */
  afterWindow: number;
  waitedMs: number;
  stats: Awaited<ReturnType<ServerHandle['heap']>>['stats'];
}

/**
 * Churn: `cycles` visitors that each connect, join a room and leave, with
 * `parallel` of them at a time; the server's heap before, right after, and
 * after `waitMs` (the recovery window plus socket.io's sweep interval).
 */
export async function churn(
  server: ServerHandle,
  {
    cycles = 5000,
    parallel = 50,
    waitMs,
    snapshots,
  }: { cycles?: number; parallel?: number; waitMs: number; snapshots?: string | undefined },
): Promise<ChurnResult> {
  const visit = async (n: number) => {
    const client = await connectClient(server.url, `visitor-${n}`);
    await join(client);
    await disconnectAll([client]);
  };
  const run = async (count: number, offset: number) => {
    for (let start = 0; start < count; start += parallel) {
      const size = Math.min(parallel, count - start);
      await Promise.all(Array.from({ length: size }, (_, i) => visit(offset + start + i)));
    }
    await server.drained();
  };
  await run(200, 0);
  const start = await server.heap();
  if (snapshots) await server.snapshot(`${snapshots}/${server.kind}-churn-start.heapsnapshot`);
  const started = performance.now();
  await run(cycles, 1000);
  const seconds = (performance.now() - started) / 1000;
  const after = await server.heap();
  if (snapshots) await server.snapshot(`${snapshots}/${server.kind}-churn-after.heapsnapshot`);
  await pause(waitMs);
  const settled = await server.heap();
  if (snapshots) await server.snapshot(`${snapshots}/${server.kind}-churn-window.heapsnapshot`);
  return {
    cycles,
    seconds,
    startHeap: start.heapUsed,
    afterCycles: after.heapUsed,
    afterWindow: settled.heapUsed,
    waitedMs: waitMs,
    stats: settled.stats,
  };
}
