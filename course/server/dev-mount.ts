import type { Server as HttpServer, IncomingMessage, ServerResponse } from 'node:http';
import { allowedHostsFromEnv, refuseUnknownHosts } from '@funws/demo-kit';
import express from 'express';
import { mountAll } from './mount-all.ts';
import { defaultPlaygroundFile } from './playground-stores.ts';

/** Paths the demos, playground, inspector, lab and cells answer; everything else is Astro's. */
const coursePaths = /^\/(demos|playground\/socket\.io|inspector|lab|cells)(\/|$|\?)/;

export interface DevMount {
  /** Connect-style middleware: handles the course's paths, passes everything else on. */
  handle(request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void): void;
  demoCount: number;
  close(): Promise<void>;
}

/**
 * What `npm run dev` adds to Astro's dev server: the same mount-all as
 * `npm start`, on Vite's http server, and the same Host allowlist for all of
 * it (Astro's pages and Vite's hot-reload socket included): another name gets
 * 421, as under `npm start`. Called by server/integration.mjs.
 */
export async function mountForDev(
  server: HttpServer,
  log: (message: string) => void,
): Promise<DevMount> {
  const app = express();
  app.disable('x-powered-by');
  const allowedHosts = allowedHostsFromEnv();
  const mounted = await mountAll(app, server, {
    log,
    playgroundFile: defaultPlaygroundFile,
    allowedHosts,
  });
  refuseUnknownHosts(server, allowedHosts);
  return {
    handle(request, response, next) {
      if (!coursePaths.test(request.url ?? '')) return next();
      app(request as express.Request, response as express.Response, next);
    },
    demoCount: mounted.demos.size,
    close: () => mounted.close(),
  };
}
