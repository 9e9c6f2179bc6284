// `npm run bench`: @funws/chat against bare socket.io, in the same run, as
// ratios. Each measurement gets fresh server processes (./server-process.ts,
// with --expose-gc), one for the chat and one for bare socket.io; the clients
// are plain socket.io clients in this process, on loopback.
//
//   fan-out          100 members of one room; 1 and 10 senders; deliveries/s
//   join storm       1,000 connected clients join one room; seconds
//   idle heap        heap per idle joined client at 200, 1,000 and 5,000 clients
//   churn            heap before/after 5,000 connect/join/leave cycles, and
//                    after the recovery window has passed
//   presence         bytes and latency of one join, at 10/50/200 members
//   cluster          the chat on 1 and 3 Redis-cluster nodes: fan-out deliveries/s and
//                    cross-node latency p50/p99 (needs redis-server; `--cluster` runs only this)
//
// Options: --quick (small counts, a smoke run), --snapshots (heap snapshots of
// the idle and churn servers into the results folder, for Chrome DevTools'
// Memory tab or `tsx bench/heap-summary.ts`).
//
// Writes bench/results/bench-<date>.json and .md (git-ignored) and prints the table.

import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { openFileLimit } from './open-files.ts';
import type { BenchResults } from './report.ts';
import { clusterSection, toMarkdown } from './report.ts';
import { churn } from './scenarios/churn.ts';
import { clusterFigures } from './scenarios/cluster.ts';
import { fanOut } from './scenarios/fan-out.ts';
import { idleHeap } from './scenarios/idle-heap.ts';
import { joinStorm } from './scenarios/join-storm.ts';
import { presence } from './scenarios/presence.ts';
import { type ServerHandle, startServer } from './server-handle.ts';
import type { ServerKind } from './server-process.ts';

const quick = process.argv.includes('--quick');
const resultsDir = new URL('./results/', import.meta.url).pathname;
mkdirSync(resultsDir, { recursive: true });
const snapshots = process.argv.includes('--snapshots') ? resultsDir : undefined;

const recoveryWindowMs = quick ? 2000 : 10_000;
// socket.io's in-memory adapter forgets expired recovery sessions and packets
// in a sweep that runs once a minute, whatever the window.
const sweepMs = 60_000;
const sizes = quick ? [50, 200] : [200, 1000, 5000];
const stormClients = quick ? 200 : 1000;
const cycles = quick ? 500 : 5000;
const notes: string[] = [];

// 5,000 clients are 5,000 open files here and as many in the server process.
const needed = Math.max(...sizes) + 200;
const limit = openFileLimit();
if (limit !== undefined && limit < needed) {
  const fits = sizes.filter((size) => size + 200 <= limit);
  notes.push(
    `Idle heap measured at ${fits.join(', ')} clients only: this shell allows ${limit} open files ` +
      `and ${Math.max(...sizes).toLocaleString('en')} clients need about ${needed}. ` +
      `Raise it with \`ulimit -n ${needed * 2}\` (up to \`ulimit -Hn\`) and run again.`,
  );
  sizes.splice(0, sizes.length, ...fits);
}

async function withServer<T>(
  kind: ServerKind,
  run: (server: ServerHandle) => Promise<T>,
): Promise<T> {
  const server = await startServer(kind, { recoveryMs: recoveryWindowMs });
  try {
    return await run(server);
  } finally {
    await server.stop();
  }
}

async function both<T>(
  what: string,
  run: (server: ServerHandle) => Promise<T>,
): Promise<{ chat: T; bare: T }> {
  console.log(`… ${what}`);
  // Bare first, then the chat, each on a fresh server process.
  const bare = await withServer('bare', run);
  const chat = await withServer('chat', run);
  return { chat, bare };
}

const startedAt = new Date();
const machine = { cpus: availableParallelism(), loadAverage: loadavg() };
const clusterOptions = quick ? { clients: 30, messages: 100, probes: 50 } : {};

if (process.argv.includes('--cluster')) {
  console.log('… cluster (1 and 3 nodes on Redis)');
  const section = clusterSection(await clusterFigures(clusterOptions));
  console.log(
    `\nNode ${process.version}, ${machine.cpus} CPUs, load average ${machine.loadAverage.map((n) => n.toFixed(2)).join(' ')} at the start.\n\n${section}\n`,
  );
  process.exit(0);
}

const fan = await both('fan-out', async (server) => [
  await fanOut(server, { clients: 100, senders: 1, messages: quick ? 100 : 400 }),
  await fanOut(server, { clients: 100, senders: 10, messages: quick ? 100 : 400 }),
]);
const storm = await both('join storm', (server) => joinStorm(server, { clients: stormClients }));
const idle = await both('idle heap', (server) => idleHeap(server, { sizes, snapshots }));
console.log('… churn (waits for the recovery window and socket.io’s sweep)');
const bareChurn = await withServer('bare', (server) => churn(server, { cycles, waitMs: 2000 }));
const chatChurn = await withServer('chat', (server) =>
  churn(server, { cycles, waitMs: recoveryWindowMs + sweepMs + 2000, snapshots }),
);
console.log('… presence');
const presencePoints = await withServer('chat', (server) => presence(server));
console.log('… cluster (1 and 3 nodes on Redis)');
const cluster = await clusterFigures(clusterOptions);

if (machine.loadAverage[0] !== undefined && machine.loadAverage[0] > machine.cpus) {
  notes.push(
    `The machine was busy (load average ${machine.loadAverage[0].toFixed(1)} on ${machine.cpus} CPUs): ` +
      'timings are noisy; the ratios less so.',
  );
}

const results: BenchResults = {
  date: startedAt.toISOString(),
  node: process.version,
  machine,
  recoveryWindowMs,
  fanOut: fan,
  joinStorm: storm,
  idleHeap: idle,
  churn: { chat: chatChurn, bare: bareChurn },
  presence: presencePoints,
  cluster,
  notes,
};
const stamp = startedAt.toISOString().replaceAll(':', '-').replace(/\..*/, '');
const markdown = toMarkdown(results);
writeFileSync(`${resultsDir}bench-${stamp}.json`, `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(`${resultsDir}bench-${stamp}.md`, markdown);
console.log(`\n${markdown}`);
console.log(`Written to ${resultsDir}bench-${stamp}.{json,md}`);
