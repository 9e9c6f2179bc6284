import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** A chat server process started by a test (./chat-process.ts). */
export interface ChatProcess {
  url: string;
  port: number;
  /** Lets everybody in (the process was started `held`); resolves once it has. */
  open(): Promise<void>;
  /** Ends the process with `signal` (SIGKILL: a crash) and resolves once it is gone. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** The next message the chat reports to its logger (a failure it survived). */
  nextLogged(): Promise<string>;
}

export interface ChatProcessOptions {
  /** `memory`, `sqlite:<file>` or `redis:<url>`. */
  stores: string;
  /** More environment for the process (the Redis cluster's CHAT_REDIS_PREFIX, CHAT_NODE_ID…). */
  env?: Record<string, string>;
  /** 0 for any free port; a port a previous process had, to restart "the same server". */
  port?: number;
  recoveryWindowMs?: number;
  /** Refuse everybody but the crew (`query: { crew: '1' }`) until `open()`. */
  held?: boolean;
}

const running = new Set<ChatProcess>();
const fixture = fileURLToPath(new URL('./chat-process.ts', import.meta.url));

/**
 * Starts ./chat-process.ts with Node and tsx, importing the library by its
 * package name from source (the `@funws/source` condition), and resolves
 * once it listens.
 */
export async function startChatProcess(options: ChatProcessOptions): Promise<ChatProcess> {
  const child = spawn(
    process.execPath,
    ['--conditions=@funws/source', '--import', 'tsx', fixture],
    {
      env: {
        ...process.env,
        PORT: String(options.port ?? 0),
        CHAT_STORES: options.stores,
        CHAT_HELD: options.held ? '1' : '0',
        ...options.env,
        ...(options.recoveryWindowMs === undefined
          ? {}
          : { CHAT_RECOVERY_MS: String(options.recoveryWindowMs) }),
      },
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const milestones = milestonesOf(child);
  const listening = await milestones.next('listening');
  const port = Number(listening);
  const handle: ChatProcess = {
    url: `http://127.0.0.1:${port}`,
    port,
    async open() {
      child.stdin?.write('open\n');
      await milestones.next('open');
    },
    nextLogged: async () => String(await milestones.next('logged')),
    async stop(signal = 'SIGKILL') {
      running.delete(handle);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill(signal);
      await exited;
    },
  };
  running.add(handle);
  return handle;
}

/** Stops every process a test started and did not stop; use in `afterEach`. */
export async function stopChatProcesses(): Promise<void> {
  await Promise.all([...running].map((each) => each.stop()));
}

/** Awaits the fixture's JSON milestones on stdout, failing with its exit when it dies first. */
function milestonesOf(child: ChildProcess) {
  const seen = new Map<string, unknown>();
  const waiting = new Map<string, (value: unknown) => void>();
  let exited: Error | undefined;
  const failures = new Set<(error: Error) => void>();
  createInterface({ input: child.stdout! }).on('line', (line) => {
    let milestone: Record<string, unknown>;
    try {
      milestone = JSON.parse(line) as Record<string, unknown>;
    } catch {
      return;
    }
    for (const [key, value] of Object.entries(milestone)) {
      seen.set(key, value);
      waiting.get(key)?.(value);
    }
  });
  child.once('exit', (code, signal) => {
    exited = new Error(`The chat server process exited (${signal ?? code}) before it was ready.`);
    for (const fail of failures) fail(exited);
  });
  return {
    next(key: string): Promise<unknown> {
      if (seen.has(key)) {
        const value = seen.get(key);
        seen.delete(key);
        return Promise.resolve(value);
      }
      return new Promise((resolve, reject) => {
        if (exited) return reject(exited);
        failures.add(reject);
        waiting.set(key, (value) => {
          waiting.delete(key);
          seen.delete(key);
          failures.delete(reject);
          resolve(value);
        });
      });
    },
  };
}
