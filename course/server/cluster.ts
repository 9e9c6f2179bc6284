// `npm run demo cluster`: the course's playground on a local cluster of three
// nodes. It starts a redis-server of its own (port REDIS_PORT, default 6390,
// loopback only, nothing kept on disk), builds the course once if needed, then
// starts three course servers on ports 4331, 4332 and 4333 (CLUSTER_PORT
// moves the first), each one a node of the playground's cluster. Open the
// playground on two of them: it is the same chat. Ctrl+C stops everything.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const redisPort = Number(process.env.REDIS_PORT ?? 6390);
const firstPort = Number(process.env.CLUSTER_PORT ?? 4331);
const nodes = 3;
const main = fileURLToPath(new URL('./main.ts', import.meta.url));
const children: ChildProcess[] = [];

if (spawnSync('redis-server', ['--version']).error) {
  console.error(
    '\nThe cluster demo needs redis-server, which is not installed.\n' +
      'Install it with:  sudo apt-get install redis-server   (Debian/Ubuntu)\n' +
      '             or:  brew install redis                  (macOS)\n' +
      'then run `npm run demo cluster` again.\n',
  );
  process.exit(1);
}

// The nodes first, Redis last: a node closing cleanly says goodbye to Redis.
const stop = async () => {
  const [redis, ...nodes] = children;
  await Promise.all(nodes.map((child) => ended(child)));
  if (redis) await ended(redis);
  process.exit(0);
};

function ended(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    // A node that does not stop within 5 s is stopped for good.
    setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  });
}
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());

/** Starts a child and resolves when a line of its output matches `ready`. */
function start(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  ready: RegExp,
  label: string,
) {
  const child = spawn(command, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise<void>((resolve, reject) => {
    child.once('exit', (code) =>
      reject(new Error(`${label} stopped (${code}) before it was ready.`)),
    );
    createInterface({ input: child.stdout! }).on('line', (line) => {
      console.log(`[${label}] ${line}`);
      if (ready.test(line)) resolve();
    });
  });
}

try {
  await start(
    'redis-server',
    ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {},
    /Ready to accept connections/,
    'redis',
  );
  const redisUrl = `redis://127.0.0.1:${redisPort}`;
  const node = (index: number) =>
    start(
      process.execPath,
      ['--conditions=@funws/source', '--import', 'tsx', main],
      {
        PORT: String(firstPort + index),
        FUNWS_PLAYGROUND_REDIS: redisUrl,
        FUNWS_NODE_ID: `node-${index + 1}`,
      },
      /is running at/,
      `node ${index + 1}`,
    );
  // One after another: the first node builds the site if it needs it, and the
  // others find it built (two builds at once would write the same folder).
  for (let index = 0; index < nodes; index++) await node(index);
  console.log('\nThe playground on a cluster of three nodes, one Redis:');
  for (let i = 0; i < nodes; i++)
    console.log(`  node ${i + 1}: http://127.0.0.1:${firstPort + i}/playground/`);
  console.log(
    'Open two of them (two browsers, or a private window): it is one chat. Ctrl+C stops all.\n',
  );
} catch (error) {
  console.error(`\n${error instanceof Error ? error.message : String(error)}`);
  if (/redis/.test(String(error))) {
    console.error(`Is port ${redisPort} free? Another one: REDIS_PORT=6391 npm run demo cluster`);
  }
  await stop();
}
