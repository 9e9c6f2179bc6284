import { createServer, type Server as HttpServer } from 'node:http';
import type { HostAllowlist } from '@funws/chat/server';
import { allowedHostsFromEnv, refuseUnknownHosts } from './allowed-hosts.ts';
import type { CreateDemo } from './demo-app.ts';

/** What {@link startDemo} needs to know about a demo. */
export interface StartDemoOptions {
  /** Shown in the terminal, e.g. `'Demo 4: broadcast chat'`. */
  title: string;
  /** The demo's original port, e.g. 5004. `PORT` overrides it. */
  port: number;
  /** The demo's `createApp`. */
  create: CreateDemo;
  /** Environment to read `HOST`, `PORT` and `ALLOWED_HOSTS` from; `process.env` by default. */
  env?: NodeJS.ProcessEnv;
  /**
   * The host names the demo answers to. Default `allowedHostsFromEnv(env)`:
   * the loopback names, plus what `HOST` and `ALLOWED_HOSTS` add.
   */
  allowedHosts?: HostAllowlist;
  /**
   * When start-up fails (a taken port, a bad `PORT`), print only the
   * explanation and exit with status 1, instead of rejecting. Default `true`:
   * a learner needs the sentence, not a stack trace. Tests pass `false`.
   */
  exitOnFailure?: boolean;
}

/** A demo that is running on its own. */
export interface RunningDemo {
  server: HttpServer;
  url: string;
  /** The host names it answers to; `add()` extends them while it runs. */
  allowedHosts: HostAllowlist;
  close(): Promise<void>;
}

/**
 * Runs a demo on its own HTTP server, bound to 127.0.0.1 so that only this
 * computer can reach it (set `HOST=0.0.0.0` to share it on your network, and
 * know that everyone there can then connect). `PORT` picks another port.
 *
 * It answers only to the host names it knows (see `allowedHostsFromEnv`):
 * any other `Host` gets 421, which stops DNS-rebinding pages.
 *
 * A taken port is the most common first-day problem, so it gets a message
 * that says which port and how to choose another, instead of a stack trace.
 *
 * @example
 * // src/main.ts of a demo
 * await startDemo({ title: 'Demo 4: broadcast chat', port: 5004, create: createApp });
 */
export async function startDemo(options: StartDemoOptions): Promise<RunningDemo> {
  if (options.exitOnFailure === false) return start(options);
  try {
    return await start(options);
  } catch (error) {
    console.error(`\n${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}

async function start(options: StartDemoOptions): Promise<RunningDemo> {
  const env = options.env ?? process.env;
  const host = env.HOST || '127.0.0.1';
  const port = parsePort(env.PORT, options.port);
  const allowedHosts = options.allowedHosts ?? allowedHostsFromEnv(env);
  const demo = options.create({ basePath: '' });
  const server = createServer(demo.app);
  demo.io?.attach(server);
  demo.attach?.(server);
  refuseUnknownHosts(server, allowedHosts);

  await listenOrExplain(server, host, port, options.title);

  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  const url = `http://${shown.includes(':') ? `[${shown}]` : shown}:${actualPort}`;
  console.log(`${options.title} is running at ${url}  (Ctrl+C to stop)`);
  if (host === '0.0.0.0' || host === '::') {
    console.warn('Listening on every network interface: anyone on your network can connect.');
    console.warn(`It answers to: ${allowedHosts.names().join(', ')}`);
  }

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      await demo.close?.();
      demo.io?.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    })();
    return closing;
  };
  const stop = () => {
    void close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return { server, url, allowedHosts, close };
}

/** Reads `PORT`, or falls back to the demo's own port; a bad value is an error that says so. */
export function parsePort(value: string | undefined, fallback: number, name = 'PORT'): number {
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`${name} must be a whole number from 0 to 65535, but it is "${value}".`);
  }
  return port;
}

function listenOrExplain(server: HttpServer, host: string, port: number, title: string) {
  return new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(explainListenError(error, host, port, title));
    });
    server.listen(port, host, () => resolve());
  });
}

/** How {@link explainListenError} tells the reader to pick another port. */
export interface ListenAdvice {
  /** The environment variable that sets the port. Default `PORT`. */
  variable?: string;
  /** The command to run again. Default `npm start`. */
  command?: string;
  /** The port to suggest. Default the taken port + 100. */
  nextPort?: number;
}

/**
 * Turns a listen error into a message a learner can act on.
 *
 * @example
 * explainListenError(error, '127.0.0.1', 4321, 'The course', { command: 'npm run dev', nextPort: 4322 });
 */
export function explainListenError(
  error: NodeJS.ErrnoException,
  host: string,
  port: number,
  title: string,
  { variable = 'PORT', command = 'npm start', nextPort = port + 100 }: ListenAdvice = {},
): Error {
  if (error.code === 'EADDRINUSE') {
    return new Error(
      `${title} cannot start: port ${port} is already in use on ${host}.\n` +
        '  Maybe it is already running in another terminal (stop it with Ctrl+C there),\n' +
        `  or pick another port:  ${variable}=${nextPort} ${command}`,
    );
  }
  if (error.code === 'EACCES') {
    return new Error(
      `${title} cannot start: no permission to use port ${port}. ` +
        `Ports below 1024 need special rights; try ${variable}=${port < 1024 ? 5000 + port : nextPort}.`,
    );
  }
  if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') {
    return new Error(`${title} cannot start: HOST=${host} is not an address of this computer.`);
  }
  return error;
}
