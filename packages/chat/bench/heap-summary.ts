// What a heap snapshot holds, by constructor, or what grew between two:
//
//   tsx bench/heap-summary.ts after.heapsnapshot                 top 30 by size
//   tsx bench/heap-summary.ts before.heapsnapshot after.heapsnapshot   top 30 by growth,
//        each with one sample retainer path (who keeps it alive), to name the owner
//
// `npm run bench -- --snapshots` writes the snapshots (bench/results/).

import { readFileSync } from 'node:fs';

interface Snapshot {
  snapshot: {
    meta: {
      node_fields: string[];
      node_types: [string[], ...unknown[]];
      edge_fields: string[];
      edge_types: [string[], ...unknown[]];
    };
  };
  nodes: number[];
  edges: number[];
  strings: string[];
}

interface Heap {
  count: number;
  key(node: number): string;
  selfSize(node: number): number;
  retainerPath(node: number, depth?: number): string;
}

function load(file: string): Heap {
  const data = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
  const { meta } = data.snapshot;
  const nodeWidth = meta.node_fields.length;
  const edgeWidth = meta.edge_fields.length;
  const typeAt = meta.node_fields.indexOf('type');
  const nameAt = meta.node_fields.indexOf('name');
  const sizeAt = meta.node_fields.indexOf('self_size');
  const edgeCountAt = meta.node_fields.indexOf('edge_count');
  const edgeTypeAt = meta.edge_fields.indexOf('type');
  const edgeNameAt = meta.edge_fields.indexOf('name_or_index');
  const edgeToAt = meta.edge_fields.indexOf('to_node');
  const nodeTypes = meta.node_types[0];
  const edgeTypes = meta.edge_types[0];
  const count = data.nodes.length / nodeWidth;
  const field = (node: number, at: number) => data.nodes[node * nodeWidth + at] as number;
  const key = (node: number) => {
    const type = nodeTypes[field(node, typeAt)] ?? '?';
    const name = data.strings[field(node, nameAt)] ?? '';
    if (type === 'string' || type === 'concatenated string' || type === 'sliced string')
      return '(string)';
    if (type === 'number') return '(number)';
    if (type === 'code' || type === 'hidden') return `(${type})`;
    return `${type}:${name.slice(0, 60)}`;
  };
  // Retainers: for each node, the first strong edge that points to it.
  let retainers: Int32Array | undefined;
  let retainerEdgeName: string[] | undefined;
  const retainersOf = () => {
    if (retainers && retainerEdgeName) return { retainers, retainerEdgeName };
    retainers = new Int32Array(count).fill(-1);
    retainerEdgeName = new Array<string>(count);
    let edge = 0;
    for (let node = 0; node < count; node++) {
      const edges = field(node, edgeCountAt);
      for (let i = 0; i < edges; i++, edge += edgeWidth) {
        const type = edgeTypes[data.edges[edge + edgeTypeAt] as number];
        if (type === 'weak' || type === 'shortcut') continue;
        const to = (data.edges[edge + edgeToAt] as number) / nodeWidth;
        if (retainers[to] !== -1) continue;
        retainers[to] = node;
        const nameOrIndex = data.edges[edge + edgeNameAt] as number;
        retainerEdgeName[to] =
          type === 'element' || type === 'hidden'
            ? `[${nameOrIndex}]`
            : (data.strings[nameOrIndex] ?? '?');
      }
    }
    return { retainers, retainerEdgeName };
  };
  return {
    count,
    key,
    selfSize: (node) => field(node, sizeAt),
    retainerPath(node, depth = 12) {
      const { retainers: up, retainerEdgeName: via } = retainersOf();
      const steps: string[] = [];
      let current = node;
      for (let i = 0; i < depth; i++) {
        const parent = up[current] ?? -1;
        if (parent === -1) break;
        steps.push(`${key(parent)} .${via[current]}`);
        current = parent;
      }
      return steps.join('\n      ← ');
    },
  };
}

function totals(heap: Heap): Map<string, { count: number; bytes: number; sample: number }> {
  const byKey = new Map<string, { count: number; bytes: number; sample: number }>();
  for (let node = 0; node < heap.count; node++) {
    const key = heap.key(node);
    const entry = byKey.get(key) ?? { count: 0, bytes: 0, sample: node };
    entry.count += 1;
    entry.bytes += heap.selfSize(node);
    entry.sample = node;
    byKey.set(key, entry);
  }
  return byKey;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0).padStart(8)} KB`;
const [first, second] = process.argv.slice(2);
if (!first) {
  console.error('usage: tsx bench/heap-summary.ts <snapshot> [<later snapshot>]');
  process.exit(1);
}
const before = totals(load(first));
if (!second) {
  const top = [...before].sort((a, b) => b[1].bytes - a[1].bytes).slice(0, 30);
  for (const [key, { count, bytes }] of top)
    console.log(`${kb(bytes)} ${String(count).padStart(8)}  ${key}`);
} else {
  const heap = load(second);
  const after = totals(heap);
  const grown = [...after]
    .map(([key, entry]) => {
      const old = before.get(key) ?? { count: 0, bytes: 0 };
      return {
        key,
        bytes: entry.bytes - old.bytes,
        count: entry.count - old.count,
        sample: entry.sample,
      };
    })
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 30);
  for (const { key, bytes, count, sample } of grown) {
    console.log(`${kb(bytes)} ${String(count).padStart(8)}  ${key}`);
    if (bytes > 100 * 1024) console.log(`      ← ${heap.retainerPath(sample)}`);
  }
}
