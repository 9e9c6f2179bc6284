import type { Server as HttpServer } from 'node:http';
import type { Express } from 'express';
import type { CreateDemo, DemoApp } from './demo-app.ts';

/**
 * Mounts a demo under a path prefix inside another server, so one port can
 * serve many demos (the course does this). The demo's pages answer under
 * `prefix/`, and its socket.io endpoint at `prefix/socket.io`.
 *
 * Several socket.io servers share one HTTP server here, so each is attached
 * with `destroyUpgrade: false`: a WebSocket upgrade for another demo's path
 * must be left alone, not closed.
 *
 * @example
 * const host = express();
 * const server = createServer(host);
 * mountDemo(host, server, '/demos/04-broadcast-chat', createApp);
 */
export function mountDemo(
  host: Express,
  server: HttpServer,
  prefix: string,
  create: CreateDemo,
): DemoApp {
  if (!/^\/[A-Za-z0-9/_-]*[A-Za-z0-9_-]$/.test(prefix)) {
    throw new Error(`A mount prefix looks like "/demos/04"; got "${prefix}".`);
  }
  const demo = create({ basePath: prefix });
  // Pages use relative URLs (`js/main.js`, `socket.io`), which only resolve
  // inside the demo when its address ends with a slash.
  host.get(prefix, (request, response, next) => {
    // Express matches `/prefix/` here too (routing is not strict); only redirect the bare prefix.
    if (request.originalUrl.split('?')[0] !== prefix) return next();
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
    response.redirect(308, `${prefix}/${query}`);
  });
  host.use(prefix, demo.app);
  demo.io?.attach(server, { destroyUpgrade: false });
  demo.attach?.(server);
  return demo;
}
