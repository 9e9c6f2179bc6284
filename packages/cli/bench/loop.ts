// `npm run bench:loop [-- --exercise 04-broadcast-chat --runs 5 --root <checkout>]`:
// how long a learner waits. `npm test` in an exercise, red (the starter) and green
// (every step done), and `funws watch` from a save to the result on screen, each
// the median of several runs and as a ratio to `npm test` of one empty test in
// the same run (so a busy machine slows both sides alike). `--root` measures
// another checkout (say, an older commit) with this checkout's generator.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  buildVariant,
  exerciseDir,
  generateExercise,
  solutionDir,
  writeRelocated,
} from '../src/exercises/index.ts';
import { findRoot } from '../src/util/root.ts';

const { values } = parseArgs({
  options: {
    exercise: { type: 'string', default: '04-broadcast-chat' },
    runs: { type: 'string', default: '5' },
    root: { type: 'string' },
  },
});
const name = values.exercise;
const runs = Math.max(1, Number(values.runs));
const root = values.root ? resolve(values.root) : findRoot();
const bench = join(root, '.funws', `bench-${process.pid}`);

/** How long one child process takes from start to exit, in ms. */
function timed(command: string, args: string[], cwd: string, env = {}): Promise<number> {
  const started = performance.now();
  return new Promise((done, fail) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, NO_COLOR: '1', ...env },
      stdio: 'ignore',
    });
    child.once('error', fail);
    child.once('close', () => done(performance.now() - started));
  });
}

const npmTest = (cwd: string) => timed('npm', ['test', '--silent'], cwd);

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** `funws watch` on the red copy: the time from each save to the result on screen. */
async function watchTimes(repo: string): Promise<number[]> {
  const child: ChildProcess = spawn(
    process.execPath,
    [join(root, 'packages/cli/bin/funws.js'), 'watch', name],
    { cwd: root, env: { ...process.env, FUNWS_ROOT: repo, NO_COLOR: '1' } },
  );
  let output = '';
  let waiting: (() => void) | undefined;
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    waiting?.();
  });
  // Every version of the CLI ends a result with its keys: "Keys: h hint · …".
  const nextResult = (from: number) =>
    new Promise<void>((done) => {
      waiting = () => {
        if (output.indexOf('Keys:', from) >= 0) done();
      };
      waiting();
    });
  try {
    await nextResult(0);
    const app = join(repo, 'exercises', name, 'src', 'app.ts');
    const original = readFileSync(app, 'utf8');
    const times: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      const from = output.length;
      const started = performance.now();
      writeFileSync(app, `${original}\n// saved ${run}\n`);
      await nextResult(from);
      times.push(performance.now() - started);
      // Let any second event of the same save settle before the next one.
      await new Promise((done) => setTimeout(done, 500));
    }
    return times;
  } finally {
    child.kill();
  }
}

try {
  const starter = generateExercise(solutionDir(root, name), name);
  const steps = [...starter.stepTests.keys()];
  const solved = buildVariant(solutionDir(root, name), name, steps, () => 'answer');
  const repo = join(bench, 'repo');
  mkdirSync(repo, { recursive: true });
  writeFileSync(join(repo, 'package.json'), '{ "name": "funws", "private": true }\n');
  const red = join(repo, 'exercises', name);
  writeRelocated(starter.files, red, exerciseDir(root, name));
  const green = join(bench, 'green', name);
  writeRelocated(solved, green, exerciseDir(root, name));
  const empty = join(bench, 'empty');
  mkdirSync(empty, { recursive: true });
  writeFileSync(
    join(empty, 'package.json'),
    '{ "name": "empty", "private": true, "type": "module", "scripts": { "test": "vitest run" } }\n',
  );
  writeFileSync(join(empty, 'vitest.config.mjs'), 'export default {};\n');
  writeFileSync(
    join(empty, 'empty.test.ts'),
    "import { expect, it } from 'vitest';\n\nit('passes', () => expect(1).toBe(1));\n",
  );

  const load = loadavg()[0]?.toFixed(1);
  console.log(
    `loop benchmark: ${name}, median of ${runs} runs, ${availableParallelism()} cores, load ${load} at the start`,
  );
  const samples = { baseline: [] as number[], red: [] as number[], green: [] as number[] };
  // Interleaved, so a burst of load elsewhere touches every measure alike.
  for (let run = 0; run < runs; run += 1) {
    samples.baseline.push(await npmTest(empty));
    samples.red.push(await npmTest(red));
    samples.green.push(await npmTest(green));
  }
  const watch = await watchTimes(repo);
  const baseline = median(samples.baseline);
  const rows: [string, number][] = [
    ['baseline: npm test of one empty test', baseline],
    [`npm test in ${name}, the starter (red)`, median(samples.red)],
    [`npm test in ${name}, every step done (green)`, median(samples.green)],
    ['funws watch, from a save to the result', median(watch)],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, ms] of rows) {
    console.log(
      `  ${label.padEnd(width)}  ${(ms / 1000).toFixed(2).padStart(6)} s  ${(ms / baseline).toFixed(2).padStart(5)}×`,
    );
  }
  console.log(`load ${loadavg()[0]?.toFixed(1)} at the end`);
} finally {
  rmSync(bench, { recursive: true, force: true });
}
