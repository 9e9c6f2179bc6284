import { existsSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import type { HostAllowlist } from '@funws/chat/server';
import {
  allowedHostsFromEnv,
  explainListenError,
  parsePort,
  refuseUnknownHosts,
} from '@funws/demo-kit';
import express, { type Express } from 'express';
import { apiRedirects } from './api-redirects.ts';
import { distDir, ensureSiteBuilt } from './build.ts';
import { type MountedCourse, mountAll } from './mount-all.ts';
import { courseSecurityHeaders, inlineHashes } from './security-headers.ts';
import { courseCompression, staticSite } from './static-files.ts';

export interface StartCourseOptions {
  /** Port to listen on; 0 picks a free one. Default `PORT` or 4321. */
  port?: number;
  /** Address to bind; default `HOST` or 127.0.0.1. */
  host?: string;
  /** Build the site (API reference included) first when missing or stale. Default true. */
  build?: boolean;
  /** The built site to serve. Default `course/dist`; tests serve a fixture. */
  siteDir?: string;
  /** Print build output only on failure. */
  quiet?: boolean;
  env?: NodeJS.ProcessEnv;
  /**
   * The host names the course answers to (any other gets 421). Default
   * `allowedHostsFromEnv(env)`: the loopback names, plus `HOST` and
   * `ALLOWED_HOSTS`. Pass an allowlist to `add()` names later, e.g. the LAN
   * addresses a classroom mode prints.
   */
  allowedHosts?: HostAllowlist;
  /** How long an unanswered upgrade stays open, in ms. Default {@link strayUpgradeMs}. */
  strayUpgradeMs?: number;
  /** The SQLite file the playground keeps its chat in. Default none: in memory. */
  playgroundFile?: string;
  /** Makes the playground a node of a Redis cluster (see `mountAll`). */
  playgroundCluster?: { redisUrl: string; nodeId: string };
  /** The repository whose `exercises/` "Check my work" runs (tests use a copy). Default: this one. */
  exercisesRoot?: string;
  /**
   * Wraps the http server before it listens and before the Host check wraps
   * it (so the Host check runs first): classroom mode puts its gate here.
   */
  guard?: (server: HttpServer) => void;
  /** Adds routes after the demos and before the site's pages, e.g. `/instructor`. */
  routes?: (app: Express, mounted: MountedCourse) => void;
}

export interface RunningCourse {
  url: string;
  port: number;
  server: HttpServer;
  mounted: MountedCourse;
  /** The host names it answers to; `add()` extends them while it runs. */
  allowedHosts: HostAllowlist;
  close(): Promise<void>;
}

export const defaultPort = 4321;
/** How long an upgrade nobody answered may stay open. */
export const strayUpgradeMs = 2000;

/**
 * Builds what is missing, then serves the course, every demo, the playground,
 * the inspector and the lab on one port, bound to 127.0.0.1.
 *
 * @example
 * const course = await startCourse({ port: 0, build: false });
 * console.log(course.url);
 * await course.close();
 */
export async function startCourse(options: StartCourseOptions = {}): Promise<RunningCourse> {
  const env = options.env ?? process.env;
  const host = options.host ?? (env.HOST || '127.0.0.1');
  const port = options.port ?? parsePort(env.PORT, defaultPort);

  const allowedHosts =
    options.allowedHosts ??
    allowedHostsFromEnv(options.host === undefined ? env : { ...env, HOST: options.host });

  const app = express();
  app.disable('x-powered-by');
  app.use(courseCompression());
  const server = createServer(app);
  options.guard?.(server);
  // Every request and upgrade, of every route and demo, from the first one on.
  refuseUnknownHosts(server, allowedHosts);

  // Take the port first, so a taken port is reported at once, not after the build.
  await listenOrExplain(server, host, port);

  // While the site builds, pages say so and reload themselves.
  let ready = false;
  app.use((_request, response, next) => {
    if (ready) return next();
    response
      .status(503)
      .set('Retry-After', '5')
      .type('html')
      .send(
        '<!doctype html><html lang="en"><meta charset="utf-8"><meta http-equiv="refresh" content="3">' +
          '<title>Building the course…</title><p>The course is being built; this page reloads by itself.</p></html>',
      );
  });

  try {
    if (options.build !== false) {
      await ensureSiteBuilt({ quiet: options.quiet ?? false });
    }
  } catch (error) {
    server.closeAllConnections();
    server.close();
    throw error;
  }

  const mounted = await mountAll(app, server, {
    allowedHosts,
    ...(options.playgroundFile === undefined ? {} : { playgroundFile: options.playgroundFile }),
    ...(options.playgroundCluster ? { playgroundCluster: options.playgroundCluster } : {}),
    ...(options.exercisesRoot ? { exercisesRoot: options.exercisesRoot } : {}),
  });

  options.routes?.(app, mounted);

  const siteDir = options.siteDir ?? distDir;
  // The course's own pages (the demos above set their own, stricter headers):
  // a Content Security Policy that allows the inline scripts of the built site
  // by their hashes, and nothing else inline.
  app.use(courseSecurityHeaders(inlineHashes(siteDir)));
  app.use(apiRedirects(siteDir));
  app.use(staticSite(siteDir));
  const notFound = join(siteDir, '404.html');
  app.use((_request, response) => {
    if (existsSync(notFound)) response.status(404).sendFile(notFound);
    else response.status(404).type('text').send('Not found');
  });

  closeStrayUpgrades(server, options.strayUpgradeMs);
  ready = true;

  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  const url = `http://${shown.includes(':') ? `[${shown}]` : shown}:${actualPort}`;

  let closing: Promise<void> | undefined;
  return {
    url,
    port: actualPort,
    server,
    mounted,
    allowedHosts,
    close() {
      closing ??= (async () => {
        await mounted.close();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      })();
      return closing;
    },
  };
}

/**
 * Several socket.io servers share this http server, each attached with
 * `destroyUpgrade: false` so it leaves the others' upgrades alone. An upgrade
 * that none of them answers would then hang forever; close it after a moment.
 * An answered upgrade has written its `101 Switching Protocols` by then.
 */
export function closeStrayUpgrades(server: HttpServer, afterMs: number = strayUpgradeMs): void {
  server.on('upgrade', (_request, socket: Socket) => {
    const timer = setTimeout(() => {
      if (socket.bytesWritten === 0 && !socket.destroyed) {
        socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        socket.destroy();
      }
    }, afterMs);
    timer.unref();
    socket.once('close', () => clearTimeout(timer));
  });
}

function listenOrExplain(server: HttpServer, host: string, port: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(explainListenError(error, host, port, 'The course', { nextPort: port + 1 }));
    });
    server.listen(port, host, () => resolve());
  });
}
