import { type ChildProcess, fork } from 'node:child_process';
import type { ChildMessage, ParentMessage, ServerKind, ServerStats } from './server-process.ts';

/** A server process under measurement, seen from the benchmark. */
export interface ServerHandle {
  kind: ServerKind;
  url: string;
  /** Counts from the server, without a garbage collection. */
  stats(): Promise<ServerStats>;
  /** Resolves once the server has no socket left (after clients disconnected). */
  drained(): Promise<void>;
  /** The server's heap after full garbage collections, in bytes. */
  heap(): Promise<{ heapUsed: number; rss: number; stats: ServerStats }>;
  /** Writes a heap snapshot of the server (for `--snapshots`); answers the file. */
  snapshot(file: string): Promise<string>;
  stop(): Promise<void>;
}

/** Forks `server-process.ts` with `--expose-gc` and waits until it listens. */
export async function startServer(
  kind: ServerKind,
  { recoveryMs = 10_000, env = {} }: { recoveryMs?: number; env?: Record<string, string> } = {},
): Promise<ServerHandle> {
  const child = fork(new URL('./server-process.ts', import.meta.url), [], {
    execArgv: ['--expose-gc', '--import', 'tsx'],
    env: { ...process.env, BENCH_KIND: kind, BENCH_RECOVERY_MS: String(recoveryMs), ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the ${kind} server exited early (${code})`)));
    child.on('message', (message: ChildMessage) => {
      if (message.type === 'listening') resolve(message.port);
    });
  });
  child.removeAllListeners('exit');
  const stats = async () => (await ask(child, { type: 'stats' }, 'stats')).stats;
  return {
    kind,
    url: `http://127.0.0.1:${port}`,
    stats,
    async drained() {
      const deadline = Date.now() + 60_000;
      while ((await stats()).sockets > 0) {
        if (Date.now() > deadline) throw new Error(`the ${kind} server kept sockets for a minute`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async heap() {
      const answer = await ask(child, { type: 'heap' }, 'heap');
      return { heapUsed: answer.heapUsed, rss: answer.rss, stats: answer.stats };
    },
    async snapshot(file) {
      return (await ask(child, { type: 'snapshot', file }, 'snapshot')).file;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await exited;
    },
  };
}

function ask<T extends ChildMessage['type']>(
  child: ChildProcess,
  message: ParentMessage,
  type: T,
): Promise<Extract<ChildMessage, { type: T }>> {
  return new Promise((resolve) => {
    const onMessage = (answer: ChildMessage) => {
      if (answer.type !== type) return;
      child.off('message', onMessage);
      resolve(answer as Extract<ChildMessage, { type: T }>);
    };
    child.on('message', onMessage);
    child.send(message);
  });
}
