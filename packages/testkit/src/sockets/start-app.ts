import { createServer, type Server as HttpServer, type RequestListener } from 'node:http';
import { type Listening, listen } from './listen.ts';

/**
 * The shape of a demo app (see `@funws/demo-kit`): an HTTP handler, and
 * optionally a socket.io server and other things to attach to the HTTP server.
 */
export interface AppLike {
  app: RequestListener;
  io?: { attach(server: HttpServer): unknown; close(): unknown };
  attach?(server: HttpServer): void;
  close?(): Promise<void>;
}

/** An app running on a free loopback port. */
export interface RunningApp<A extends AppLike> extends Listening {
  /** What `create` returned, e.g. to reach `io` in a test. */
  app: A;
}

/**
 * Builds an app with `create`, serves it on 127.0.0.1 and a free port, and
 * gives back its URL and a `close()` that stops everything it started.
 *
 * @example
 * const running = await startApp(createApp);
 * const alice = await connect(running.url);
 * // ...
 * await running.close();
 */
export async function startApp<A extends AppLike>(
  create: (options: { basePath?: string }) => A,
  options: { basePath?: string } = {},
): Promise<RunningApp<A>> {
  const app = create(options);
  const server = createServer(app.app);
  app.io?.attach(server);
  app.attach?.(server);
  const listening = await listen(server);
  return {
    ...listening,
    app,
    close: async () => {
      await app.close?.();
      app.io?.close();
      await listening.close();
    },
  };
}
