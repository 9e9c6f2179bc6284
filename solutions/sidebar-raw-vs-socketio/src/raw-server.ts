import { createServer, type Server as HttpServer } from 'node:http';
import { explainListenError, type HostAllowlist, refuseUnknownHosts } from '@funws/demo-kit';
import type { WebSocketServer } from 'ws';
import { routeUpgrades } from './raw-echo.ts';

/** Where {@link serveRawEcho} listens, and which names it answers to. */
export interface RawEchoServerOptions {
  host: string;
  /** 8765 when run alone, like the original; 0 picks a free port (tests). */
  port: number;
  /** The names the page's own server answers to (`startDemo` gives them). */
  allowedHosts: HostAllowlist;
  /** For the message when the port is taken. */
  title: string;
}

/**
 * Serves the raw WebSocket echo on a port of its own, as `main.ts` does when
 * the sidebar runs alone. A plain HTTP request here gets a short explanation
 * (426 Upgrade Required) instead of a page, and a request or upgrade sent to a
 * host name the demo does not answer to gets 421, as on the page's port: the
 * origin check alone would let a DNS-rebinding page in.
 *
 * @example
 * const server = await serveRawEcho(demo.raw, { host: '127.0.0.1', port: 8765, allowedHosts, title });
 */
export async function serveRawEcho(
  wss: WebSocketServer,
  { host, port, allowedHosts, title }: RawEchoServerOptions,
): Promise<HttpServer> {
  const server = createServer((_request, response) => {
    response.writeHead(426, { 'Content-Type': 'text/plain' });
    response.end(
      'This port speaks WebSocket only: open the sidebar page (port 5000 by default).\n',
    );
  });
  routeUpgrades(server, wss, '/');
  refuseUnknownHosts(server, allowedHosts);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      // Say which port, and how to pick another (WS_PORT, not PORT, for this one).
      reject(
        explainListenError(error, host, port, `${title} (raw WebSocket)`, { variable: 'WS_PORT' }),
      );
    });
    server.listen(port, host, () => resolve());
  });
  return server;
}
