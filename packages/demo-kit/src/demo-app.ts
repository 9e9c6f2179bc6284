import type { Server as HttpServer } from 'node:http';
import type { Express } from 'express';
import type { Server as SocketIoServer } from 'socket.io';
import type { RateLimitOptions } from './rate-limit.ts';

/** How a demo is told where it lives. */
export interface DemoOptions {
  /**
   * The path prefix the demo is mounted under, without a trailing slash:
   * `''` when it runs alone, `'/demos/04-broadcast-chat'` inside the course.
   * The socket.io endpoint lives at `${basePath}/socket.io`.
   */
  basePath?: string;
  /**
   * How many events one connection may send (see `limitRate`); the demo's
   * defaults when left out. Tests that flood a demo on purpose raise it.
   */
  rateLimit?: RateLimitOptions;
}

/**
 * What a demo's `createApp()` returns: the HTTP side and, from demo 3 on, the
 * socket side. The socket.io server is created unattached (`new Server({ path })`)
 * so whoever runs the demo can attach it to their own HTTP server.
 */
export interface DemoApp {
  /** Pages, static files and browser code. */
  app: Express;
  /** The socket.io server, created with `path: basePath + '/socket.io'`. */
  // biome-ignore lint/suspicious/noExplicitAny: each demo has its own typed event maps
  io?: SocketIoServer<any, any, any, any>;
  /** Anything else that needs the HTTP server, e.g. a raw WebSocket endpoint. */
  attach?(server: HttpServer): void;
  /** Stops timers and closes sockets. */
  close?(): Promise<void>;
}

/** A function that builds a demo, e.g. `createApp` from a demo's `src/app.ts`. */
export type CreateDemo = (options: DemoOptions) => DemoApp;
