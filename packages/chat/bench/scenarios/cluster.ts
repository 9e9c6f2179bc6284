import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { startRedisServer } from '@funws/testkit/redis';
import { type BenchClient, connectClient, disconnectAll, joinAll } from '../clients.ts';
import { type ServerHandle, startServer } from '../server-handle.ts';
import { fanOutRound } from './fan-out.ts';

export interface ClusterPoint {
  /** `memory`: one process with the default stores and no adapter, the baseline without Redis. */
  stores: 'memory' | 'redis';
  nodes: number;
  clients: number;
  senders: number;
  messages: number;
  deliveriesPerSecond: number;
  /** Send → receipt by a member on another node (on the same node with 1 node), in ms. */
  latencyP50Ms: number;
  latencyP99Ms: number;
}

/**
 * The cluster figure: the same chat as 1 and as 3 nodes on one Redis (their
 * own redis-server, started here), the clients spread over the nodes, and
 * as one process in memory (no Redis at all), for what Redis itself costs.
 * Fan-out: `clients` members of one room, 10 senders, deliveries per second.
 * Latency: one member sends `probes` messages one after another, and a member
 * on another node times each from send to receipt.
 */
export async function clusterFigures({
  clients = 99,
  messages = 400,
  probes = 200,
}: {
  clients?: number;
  messages?: number;
  probes?: number;
} = {}): Promise<ClusterPoint[]> {
  const redis = await startRedisServer();
  try {
    const points: ClusterPoint[] = [];
    for (const nodes of [1, 3]) {
      points.push(await measure(redis.url, nodes, { clients, messages, probes }));
    }
    points.push(await measure(undefined, 1, { clients, messages, probes }));
    return points;
  } finally {
    await redis.stop();
  }
}

/** One figure: `nodeCount` nodes on Redis at `redisUrl`, or one process in memory without it. */
async function measure(
  redisUrl: string | undefined,
  nodeCount: number,
  { clients: count, messages, probes }: { clients: number; messages: number; probes: number },
): Promise<ClusterPoint> {
  const prefix = `bench-${randomUUID()}:`;
  const nodes: ServerHandle[] = await Promise.all(
    Array.from({ length: nodeCount }, () =>
      redisUrl === undefined
        ? startServer('chat')
        : startServer('cluster', {
            env: { BENCH_REDIS_URL: redisUrl, BENCH_REDIS_PREFIX: prefix },
          }),
    ),
  );
  const clients: BenchClient[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const node = nodes[i % nodeCount] as ServerHandle;
      clients.push(await connectClient(node.url, `cluster-${nodeCount}-${i}`));
    }
    await joinAll(clients);
    await fanOutRound(clients, 10, Math.min(40, messages), 'warm-up');
    const started = performance.now();
    await fanOutRound(clients, 10, messages, 'measured');
    const seconds = (performance.now() - started) / 1000;
    // clients[0] is on node 0, clients[1] on node 1 (or node 0 too, with one node).
    const latencies = await latency(clients[0] as BenchClient, clients[1] as BenchClient, probes);
    return {
      stores: redisUrl === undefined ? 'memory' : 'redis',
      nodes: nodeCount,
      clients: count,
      senders: 10,
      messages,
      deliveriesPerSecond: (messages * count) / seconds,
      latencyP50Ms: percentile(latencies, 0.5),
      latencyP99Ms: percentile(latencies, 0.99),
    };
  } finally {
    await disconnectAll(clients);
    await Promise.all(nodes.map((node) => node.stop()));
  }
}

/** Send → receipt times of `probes` messages, one at a time, in ms. */
async function latency(
  sender: BenchClient,
  receiver: BenchClient,
  probes: number,
): Promise<number[]> {
  const times: number[] = [];
  for (let n = 0; n < probes; n++) {
    const text = `probe-${n}-${Math.random().toString(36).slice(2)}`;
    const received = new Promise<number>((resolve) => {
      const onMessage = (message: { text: string }) => {
        if (message.text !== text) return;
        receiver.off('message:new', onMessage);
        resolve(performance.now());
      };
      receiver.on('message:new', onMessage);
    });
    const sentAt = performance.now();
    await sender.timeout(60_000).emitWithAck('message:send', { room: 'general', text });
    times.push((await received) - sentAt);
  }
  return times;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}
