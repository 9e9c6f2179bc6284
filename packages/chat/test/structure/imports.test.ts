import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The library's own imports, read from its sources: no file reaches itself
// through others (a cycle makes load order matter and types hard to move),
// and the protocol imports nothing else of ours, so anything may import it.

const srcDir = resolve(import.meta.dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Each source file's relative imports (`import`, `import type`, `export … from`), as paths under src/. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(srcDir)) {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(/\bfrom\s+'(\.{1,2}\/[^']+)'/g)].map((match) =>
      relative(srcDir, resolve(dirname(file), match[1]!)),
    );
    graph.set(relative(srcDir, file), targets);
  }
  return graph;
}

function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (file: string) => {
    if (state.get(file) === 'done') return;
    if (state.get(file) === 'visiting') {
      found.push([...path.slice(path.indexOf(file)), file]);
      return;
    }
    state.set(file, 'visiting');
    path.push(file);
    for (const target of graph.get(file) ?? []) visit(target);
    path.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) visit(file);
  return found;
}

describe("the library's imports", () => {
  const graph = importGraph();

  it('form no cycle', () => {
    expect(graph.size).toBeGreaterThan(10);
    expect(cycles(graph).map((cycle) => cycle.join(' → '))).toEqual([]);
  });

  it('keep the protocol free of the server and the client', () => {
    const outward = [...graph]
      .filter(([file]) => file.startsWith('protocol/'))
      .flatMap(([file, targets]) =>
        targets.filter((target) => !target.startsWith('protocol/')).map((t) => `${file} → ${t}`),
      );
    expect(outward).toEqual([]);
  });
});
