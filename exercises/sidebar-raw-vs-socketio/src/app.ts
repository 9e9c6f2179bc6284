import type { Server as HttpServer, IncomingMessage } from 'node:http';
import { fileURLToPath } from 'node:url';
import {
  browserCode,
  type DemoApp,
  type DemoOptions,
  isSameOrigin,
  onePayloadAndAck,
  sameOriginOnly,
  securityHeaders,
  textProblem,
} from '@funws/demo-kit';
import express, { type Request } from 'express';
import { Server } from 'socket.io';
import type { WebSocketServer } from 'ws';
import {
  type AckError,
  type ClientToServerEvents,
  DEFAULT_USERNAME,
  type EchoAck,
  MAX_MESSAGE_LENGTH,
  MAX_USERNAME_LENGTH,
  type ServerToClientEvents,
  type SidebarConfig,
} from './protocol.ts';
import { createRawEchoServer, routeUpgrades } from './raw-echo.ts';

/** What the sidebar's `createApp` accepts. */
export interface SidebarOptions extends DemoOptions {
  /**
   * Where the page should open the raw WebSocket. Left out (tests, the course):
   * on the page's own server at `${basePath}/raw`. Set by `src/main.ts` to 8765
   * when run alone, like the original, where `main.ts` serves it on that port.
   */
  rawPort?: number;
}

/** The sidebar app: a {@link DemoApp}, plus the raw WebSocket server for `main.ts` to serve on 8765. */
export interface SidebarApp extends DemoApp {
  raw: WebSocketServer;
}

/**
 * The sidebar: the same echo server twice, once over a raw WebSocket and once
 * over Socket.IO, on one page, so you can compare what travels over the wire
 * and what happens when the server goes away.
 */
export function createApp({ basePath = '', rawPort }: SidebarOptions = {}): SidebarApp {
  const app = express();
  app.disable('x-powered-by');

  // The page may connect to its own origin ('self') and, when run alone, to the
  // raw WebSocket on port 8765 of the same host: another origin, so the
  // Content Security Policy must list it.
  app.use(
    securityHeaders({
      connectSources: (request) => (rawPort === undefined ? [] : [rawOrigin(request, rawPort)]),
    }),
  );
  app.use(express.static(fileURLToPath(new URL('../public/', import.meta.url))));
  app.use('/js', browserCode(new URL('./client/', import.meta.url)));

  // The page asks where the raw endpoint is; we build the address from the
  // host the browser used, so it works as 127.0.0.1, localhost or a LAN address.
  app.get('/config.json', (request, response) => {
    const scheme = request.protocol === 'https' ? 'wss' : 'ws';
    const rawUrl =
      rawPort === undefined
        ? `${scheme}://${request.get('host')}${basePath}/raw`
        : `${rawOrigin(request, rawPort)}/`;
    const config: SidebarConfig = { rawUrl };
    response.json(config);
  });

  // ---- Socket.IO: the same behaviour as demo 3 --------------------------------
  const io = new Server<ClientToServerEvents, ServerToClientEvents>({
    path: `${basePath}/socket.io`,
    allowRequest: sameOriginOnly, // the same cross-site check as the raw side, built in
    serveClient: false,
  });

  io.on('connection', (socket) => {
    // The handler below takes `(payload, ack)` whatever the client sent (an
    // ack alone, extra arguments): onePayloadAndAck() sorts that out first.
    socket.use(onePayloadAndAck());
    socket.emit('status', { msg: 'Connected to the Socket.IO echo.' });

    socket.on('echo_message', (payload: unknown, ack?: unknown) => {
      // Check every field by hand: anything can arrive over the network.
      const message = readString(payload, 'message');
      if (message === '' || message.length > MAX_MESSAGE_LENGTH) {
        reply(ack, fail(`Send { message } with 1 to ${MAX_MESSAGE_LENGTH} characters.`));
        return;
      }
      const username = readString(payload, 'username') || DEFAULT_USERNAME;
      if (username.length > MAX_USERNAME_LENGTH) {
        reply(ack, fail(`A username has at most ${MAX_USERNAME_LENGTH} characters.`));
        return;
      }
      // NUL, or half of a surrogate pair: not text anyone can read (demo-kit's textProblem says which).
      const problem = textProblem(message) ?? textProblem(username);
      if (problem !== undefined) {
        reply(ack, fail(`This text cannot be sent: ${problem}.`));
        return;
      }

      // TODO(step 3): Echo the message back to the sender only, with the server's time

      reply(ack, { ok: true });
    });
  });

  // ---- The raw WebSocket echo ------------------------------------------------
  // Which pages may open it: pages of this server (same origin), and, when the
  // raw endpoint runs on its own port, pages from the same host on the page's port.
  let pageServer: HttpServer | undefined;
  const isAllowedOrigin = (request: IncomingMessage): boolean => {
    if (isSameOrigin(request)) return true; // includes "no Origin": not a web page
    const port = listeningPort(pageServer);
    if (rawPort === undefined || port === undefined) return false;
    try {
      const origin = new URL(request.headers.origin ?? '');
      const host = new URL(`http://${request.headers.host ?? ''}`);
      return origin.hostname === host.hostname && origin.port === String(port);
    } catch {
      return false; // `Origin: null` or garbage
    }
  };
  const raw = createRawEchoServer(isAllowedOrigin);

  // "What happens when the server restarts?" We can't really restart inside a
  // test or the course, so we do what a restart does to the clients: their
  // connections drop. Then watch the two panels react differently.
  app.post('/restart', (request, response) => {
    if (!isSameOrigin(request) || request.get('sec-fetch-site') === 'cross-site') {
      response.status(403).type('text/plain').send('Only this page may restart the demo.\n');
      return;
    }
    // Raw: close every connection with code 1012 ("service restart"). The
    // browser's WebSocket fires `close`, and that's the end of it.
    for (const client of raw.clients) client.close(1012, 'Server restarting');
    // Socket.IO: close each connection's underlying transport (`socket.conn` is
    // the Engine.IO connection). The client sees "transport close" and
    // reconnects by itself. Careful: `io.disconnectSockets()` would instead
    // send a DISCONNECT packet, and a client told "the server kicked you"
    // deliberately does NOT reconnect.
    for (const socket of io.sockets.sockets.values()) socket.conn.close();
    response.status(204).end();
  });

  return {
    app,
    io,
    raw,
    attach(server) {
      pageServer = server;
      // The raw endpoint on the page's own server, for one-port setups (the course, tests).
      routeUpgrades(server, raw, `${basePath}/raw`);
    },
    async close() {
      for (const client of raw.clients) client.terminate();
      await new Promise<void>((resolve) => raw.close(() => resolve()));
    },
  };
}

/** `ws://<the host the browser used>:<rawPort>`, e.g. `ws://127.0.0.1:8765`. */
function rawOrigin(request: Request, rawPort: number): string {
  const hostname = new URL(`http://${request.get('host') ?? 'localhost'}`).hostname;
  return `${request.protocol === 'https' ? 'wss' : 'ws'}://${hostname}:${rawPort}`;
}

function listeningPort(server: HttpServer | undefined): number | undefined {
  const address = server?.address();
  return typeof address === 'object' && address !== null ? address.port : undefined;
}

/** The trimmed string in `payload[field]`, or `''` when there is no such string. */
function readString(payload: unknown, field: string): string {
  if (typeof payload !== 'object' || payload === null) return '';
  const value = (payload as Record<string, unknown>)[field];
  return typeof value === 'string' ? value.trim() : '';
}

function fail(message: string): AckError {
  return { ok: false, error: { code: 'invalid_payload', message } };
}

/** Answers the acknowledgement if the client sent one (and it is a function). */
function reply(ack: unknown, result: EchoAck): void {
  if (typeof ack === 'function') ack(result);
}
