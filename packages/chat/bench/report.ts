import type { ChurnResult } from './scenarios/churn.ts';
import type { ClusterPoint } from './scenarios/cluster.ts';
import type { FanOutResult } from './scenarios/fan-out.ts';
import type { IdleHeapResult } from './scenarios/idle-heap.ts';
import type { JoinStormResult } from './scenarios/join-storm.ts';
import type { PresencePoint } from './scenarios/presence.ts';

/** Everything one `npm run bench` measured, as written to the JSON file. */
export interface BenchResults {
  date: string;
  node: string;
  machine: { cpus: number; loadAverage: number[] };
  recoveryWindowMs: number;
  fanOut: { chat: FanOutResult[]; bare: FanOutResult[] };
  joinStorm: { chat: JoinStormResult; bare: JoinStormResult };
  idleHeap: { chat: IdleHeapResult; bare: IdleHeapResult };
  churn: { chat: ChurnResult; bare: ChurnResult };
  presence: PresencePoint[];
  /** The same chat as 1 and 3 nodes of a Redis cluster. */
  cluster: ClusterPoint[];
  notes: string[];
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const ratio = (a: number, b: number) =>
  Number.isFinite(a) && Number.isFinite(b) && b !== 0 ? `${(a / b).toFixed(2)}×` : '—';
const growth = (to: number, from: number) =>
  `${to >= from ? '+' : ''}${mb(to - from)} (${(((to - from) / from) * 100).toFixed(0)} %)`;

/** The results as a markdown report: chat against bare socket.io, then presence. */
export function toMarkdown(results: BenchResults): string {
  const rows: string[][] = [];
  for (const chat of results.fanOut.chat) {
    const bare = results.fanOut.bare.find((each) => each.senders === chat.senders);
    if (!bare) continue;
    rows.push([
      `fan-out, ${chat.clients} clients, ${chat.senders} sender${chat.senders > 1 ? 's' : ''} (deliveries/s, higher is better)`,
      Math.round(chat.deliveriesPerSecond).toLocaleString('en'),
      Math.round(bare.deliveriesPerSecond).toLocaleString('en'),
      ratio(chat.deliveriesPerSecond, bare.deliveriesPerSecond),
    ]);
  }
  const { chat: storm, bare: bareStorm } = results.joinStorm;
  rows.push([
    `${storm.clients.toLocaleString('en')} clients join one room (s, lower is better)`,
    storm.failed ? `failed: ${storm.failed}` : storm.seconds.toFixed(2),
    bareStorm.failed ? `failed: ${bareStorm.failed}` : bareStorm.seconds.toFixed(2),
    ratio(storm.seconds, bareStorm.seconds),
  ]);
  const idle = results.idleHeap;
  const sizes = [...new Set([...idle.chat.points, ...idle.bare.points].map((p) => p.clients))];
  for (const size of sizes.sort((a, b) => a - b)) {
    const chat = idle.chat.points.find((each) => each.clients === size);
    const bare = idle.bare.points.find((each) => each.clients === size);
    rows.push([
      `heap per idle joined client, ${size.toLocaleString('en')} clients`,
      chat ? kb(chat.bytesPerClient) : 'failed (see notes)',
      bare ? kb(bare.bytesPerClient) : 'failed (see notes)',
      chat && bare ? ratio(chat.bytesPerClient, bare.bytesPerClient) : '—',
    ]);
  }
  const notes = [...results.notes];
  for (const [kind, result] of Object.entries(idle)) {
    if (result.failed) notes.push(`Idle heap (${kind}) stopped early: ${result.failed}`);
  }
  const { chat: churn, bare: bareChurn } = results.churn;
  rows.push([
    `heap after ${churn.cycles.toLocaleString('en')} connect/join/leave cycles, from ${mb(churn.startHeap)} / ${mb(bareChurn.startHeap)}`,
    growth(churn.afterCycles, churn.startHeap),
    growth(bareChurn.afterCycles, bareChurn.startHeap),
    '',
  ]);
  rows.push([
    `… and ${(churn.waitedMs / 1000).toFixed(0)} s later (recovery window ${results.recoveryWindowMs / 1000} s + socket.io's sweep)`,
    growth(churn.afterWindow, churn.startHeap),
    growth(bareChurn.afterWindow, bareChurn.startHeap),
    '',
  ]);

  const [base] = results.presence;
  const presenceRows = results.presence.map((point) => [
    String(point.members),
    String(Math.round(point.bytesPerJoin)),
    base ? (point.bytesPerJoin / base.bytesPerJoin).toFixed(2) : '',
    point.ackMs.toFixed(2),
    base ? (point.ackMs / base.ackMs).toFixed(2) : '',
    point.diffMs.toFixed(2),
    base ? (point.diffMs / base.diffMs).toFixed(2) : '',
  ]);

  return [
    `# @funws/chat benchmark, ${results.date}`,
    '',
    `Node ${results.node}, ${results.machine.cpus} CPUs, load average ${results.machine.loadAverage.map((n) => n.toFixed(2)).join(' ')} at the start. ` +
      'Servers run in processes of their own (heap after full collections); clients in the benchmark process. ' +
      'Absolute figures depend on the machine: compare the ratios, measured in the same run.',
    '',
    table(['measure', '@funws/chat', 'bare socket.io', 'chat / bare'], rows),
    '',
    '## Presence: what one join costs each existing member',
    '',
    table(
      [
        'members',
        'bytes/member/join',
        'bytes vs 10',
        'join ack ms',
        'ack vs 10',
        'diff seen ms',
        'diff vs 10',
      ],
      presenceRows,
    ),
    '',
    clusterSection(results.cluster),
    ...(notes.length ? ['', ...notes.map((note) => `- ${note}`)] : []),
    '',
  ].join('\n');
}

/** The cluster figure: 3 nodes against 1, both on Redis, in the same run. */
export function clusterSection(points: ClusterPoint[]): string {
  const [one] = points;
  const rows = points.map((point) => [
    point.stores === 'memory' ? '1, in memory (no Redis)' : `${point.nodes} on Redis`,
    Math.round(point.deliveriesPerSecond).toLocaleString('en'),
    one ? ratio(point.deliveriesPerSecond, one.deliveriesPerSecond) : '',
    point.latencyP50Ms.toFixed(2),
    point.latencyP99Ms.toFixed(2),
    one ? ratio(point.latencyP50Ms, one.latencyP50Ms) : '',
  ]);
  const clients = one ? `${one.clients} clients in one room, ${one.senders} senders` : '';
  return [
    '## Cluster: the same chat on 1 and 3 nodes (Redis streams adapter and stores), and without Redis',
    '',
    `${clients}, spread over the nodes; latency is send → receipt by a member on another node (with 1 node, the same one). ` +
      'All nodes, Redis and the clients share this machine, so 3 nodes do not add CPUs here: the figure shows the cost of crossing nodes.',
    '',
    table(
      [
        'nodes',
        'deliveries/s',
        'vs 1 node on Redis',
        'latency p50 ms',
        'latency p99 ms',
        'p50 vs 1 node on Redis',
      ],
      rows,
    ),
  ].join('\n');
}

function table(header: string[], rows: string[][]): string {
  return [header, header.map(() => '---'), ...rows]
    .map((row) => `| ${row.join(' | ')} |`)
    .join('\n');
}
