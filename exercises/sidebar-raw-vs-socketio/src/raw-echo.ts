import type { Server as HttpServer, IncomingMessage } from 'node:http';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import { MAX_MESSAGE_LENGTH, MAX_RAW_PAYLOAD_BYTES, type RawReply } from './protocol.ts';

/**
 * The raw WebSocket echo, written with the `ws` library. Compare it with the
 * Socket.IO echo in app.ts: here there are no event names, no acknowledgements,
 * no automatic reconnection. A connection carries frames of text, and what the
 * text means is entirely up to us.
 *
 * `noServer: true`: this WebSocketServer does not listen on a port itself. We
 * hand it upgrade requests from an HTTP server (see {@link routeUpgrades}), so
 * the same code serves port 8765 when run alone and `…/raw` inside the course.
 *
 * @param isAllowedOrigin decides whether the page that opens the connection may.
 */
export function createRawEchoServer(
  isAllowedOrigin: (request: IncomingMessage) => boolean,
): WebSocketServer {
  const wss = new WebSocketServer({
    noServer: true,
    // A frame bigger than this closes the connection with code 1009 before
    // we ever buffer it: nobody can make the server hold a 1 GB "message".
    maxPayload: MAX_RAW_PAYLOAD_BYTES,
    // Browsers don't apply CORS to WebSockets: any page on any site may try
    // `new WebSocket('ws://127.0.0.1:8765/')`, and the browser sends the user's
    // cookies along ("cross-site WebSocket hijacking"). What the browser does
    // send, and a page cannot fake, is the `Origin` header of the page. So we
    // check it here, before accepting: a foreign page gets 403.
    verifyClient: (
      { req }: { req: IncomingMessage },
      done: (allowed: boolean, code?: number, message?: string) => void,
    ) => {
      if (isAllowedOrigin(req)) done(true);
      else done(false, 403, 'Forbidden: this WebSocket only accepts pages from its own site');
    },
  });

  wss.on('connection', (socket) => {
    // A broken frame (e.g. one over maxPayload) is reported as an 'error' event,
    // then ws closes the connection (1009). Without a listener, Node treats the
    // error as uncaught and the whole server stops: one bad client, everyone gone.
    socket.on('error', (error) => {
      console.warn(`Raw WebSocket closed after an error: ${error.message}`);
    });

    socket.on('message', (data, isBinary) => {
      if (isBinary) {
        send(socket, { type: 'error', message: 'Send text frames (JSON), not binary ones.' });
        return;
      }
      const text = rawDataToText(data);

      // TODO(step 2): Answer text that is not JSON with an error, keeping the connection open

      // TODO(step 1): Echo a valid message back, stamped with the server's time
    });
  });
  return wss;
}

/** The parsed JSON value, or `undefined` when `text` is not JSON (JSON itself has no `undefined`). */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Sends one reply frame: our object, turned into JSON text by hand. */
function send(socket: WebSocket, reply: RawReply): void {
  socket.send(JSON.stringify(reply));
}

/**
 * Lets `wss` answer the WebSocket upgrades for exactly one `path` on `server`,
 * and leaves every other upgrade alone: on a shared server, socket.io (and the
 * other demos in the course) handle theirs.
 *
 * A WebSocket starts as an HTTP request with `Upgrade: websocket`; Node hands
 * such requests to the server's `upgrade` event instead of the normal handler.
 */
export function routeUpgrades(server: HttpServer, wss: WebSocketServer, path: string): void {
  server.on('upgrade', (request, socket, head) => {
    const pathname = new URL(request.url ?? '/', 'http://placeholder').pathname;
    if (pathname !== path) return; // not ours
    wss.handleUpgrade(request, socket, head, (client) => {
      wss.emit('connection', client, request);
    });
  });
}

/** A frame's bytes as text, whatever shape `ws` delivered them in. */
function rawDataToText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString();
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString();
  return data.toString();
}
