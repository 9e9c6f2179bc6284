import type { IncomingMessage } from 'node:http';
import { checkHost, checkOrigin, type HostAllowlist } from '@funws/chat/server';
import { type Request, type RequestHandler, type Response, Router } from 'express';
import type { Server as SocketIoServer } from 'socket.io';

/**
 * The event inspector's server side. It taps a demo's socket.io server at the
 * Engine.IO level (every packet in and out of every connection) and
 * republishes what it sees, decoded, to inspector pages over Server-Sent
 * Events (`GET /inspector/events?demo=<folder>&inspect=<id>`). SSE rather than
 * a socket: the inspector only listens, and it keeps a lesson page free of a
 * socket library.
 *
 * Private by construction: a lesson page makes a random *inspector id* and
 * puts it on what it opens (its panes' addresses, `?inspect=<id>`, which their
 * requests carry in the Referer; the playground's handshake query). A packet is
 * relayed only to the subscription naming the id of the connection it belongs
 * to, so a page sees its own panes' traffic and nobody else's; a connection
 * without an id is shown to nobody. Subscribing is for pages of this server
 * (same origin, allowed Host), and session tokens are redacted before any
 * packet leaves.
 */

/** Socket.IO packet types (the first digit of an Engine.IO `message`). */
const socketIoTypes = [
  'CONNECT',
  'DISCONNECT',
  'EVENT',
  'ACK',
  'CONNECT_ERROR',
  'BINARY_EVENT',
  'BINARY_ACK',
] as const;

/** One packet as the inspector shows it. */
export interface InspectorEntry {
  /** Milliseconds since the epoch, when the server saw it. */
  t: number;
  /** `in`: browser → server; `out`: server → browser. */
  dir: 'in' | 'out';
  /** The Engine.IO connection id, shortened. */
  sid: string;
  /** `alice` / `bob` when the page was opened as a LiveDemo pane. */
  pane?: string;
  /** `polling` or `websocket`. */
  transport: string;
  /** Engine.IO packet type: open, close, ping, pong, message, upgrade, noop. */
  eio: string;
  /** For messages: the Socket.IO packet type, e.g. EVENT. */
  sio?: string;
  /** For events: the event name. */
  event?: string;
  /** The packet as it travels (text), shortened to {@link maxDataLength}. */
  data: string;
  /** Bytes of the packet's data on the wire (before any framing). */
  bytes: number;
}

/** What the inspector sends when it has dropped packets to keep up. */
export interface InspectorDropped {
  dropped: number;
}

export const maxDataLength = 400;

/** An inspector id: what `pageInspectorId()` in the browser makes (22 base64url characters). */
const inspectorIdPattern = /^[A-Za-z0-9_-]{16,64}$/;

/** JSON keys whose string values are credentials: the library's session token, socket.io's private session id. */
const secretKeys = /("(?:token|pid)"\s*:\s*)"(?:[^"\\]|\\.)*"/g;

/**
 * The packet text with every credential replaced by `"[redacted]"`: the
 * playground's `session` event and handshake `auth` carry a session token
 * (presenting it makes you that user), and socket.io's CONNECT answer carries
 * the private id that resumes a session. Run before shortening, so a token
 * can never be half shown.
 *
 * @example
 * redactSecrets('42["session",{"userId":"u1","token":"abc"}]'); // '42["session",{"userId":"u1","token":"[redacted]"}]'
 */
export function redactSecrets(text: string): string {
  return text.replace(secretKeys, '$1"[redacted]"');
}
/** Packets per second per demo sent to inspectors; the rest are counted, not shown. */
export const maxRatePerSecond = 40;

interface EnginePacket {
  type: string;
  data?: unknown;
}

/** Decodes one Engine.IO packet into an inspector entry. */
export function describePacket(
  packet: EnginePacket,
  meta: { dir: 'in' | 'out'; sid: string; pane?: string; transport: string; t?: number },
): InspectorEntry {
  const raw = redactSecrets(dataText(packet.data));
  const entry: InspectorEntry = {
    t: meta.t ?? Date.now(),
    dir: meta.dir,
    sid: meta.sid.slice(0, 6),
    transport: meta.transport,
    eio: packet.type,
    data: raw.length > maxDataLength ? `${raw.slice(0, maxDataLength)}…` : raw,
    bytes: dataBytes(packet.data),
  };
  if (meta.pane) entry.pane = meta.pane;
  if (packet.type === 'message' && typeof packet.data === 'string') {
    const kind = socketIoTypes[Number(packet.data[0])];
    if (kind) entry.sio = kind;
    if (kind === 'EVENT' || kind === 'BINARY_EVENT') {
      const match = /^\d+(?:[^[]*?)?\["((?:[^"\\]|\\.)*)"/.exec(packet.data);
      if (match?.[1] !== undefined) entry.event = match[1];
    }
  }
  return entry;
}

function dataText(data: unknown): string {
  if (data === undefined || data === null) return '';
  if (typeof data === 'string') return data;
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) {
    return `<binary, ${dataBytes(data)} bytes>`;
  }
  return String(data);
}

function dataBytes(data: unknown): number {
  if (typeof data === 'string') return Buffer.byteLength(data);
  if (data instanceof ArrayBuffer) return data.byteLength;
  if (ArrayBuffer.isView(data)) return data.byteLength;
  return 0;
}

/** `?pane=alice` on the page that opened the connection, from its Referer. */
export function paneOf(request: IncomingMessage): string | undefined {
  const pane = refererParam(request, 'pane');
  return pane && /^[a-z]{1,12}$/.test(pane) ? pane : undefined;
}

/**
 * The inspector id a connection or request belongs to: `?inspect=` on its own
 * URL (the playground's handshake, a pane's page), or on the page that made it
 * (its Referer: a pane's scripts, styles and socket.io requests).
 */
export function inspectorIdOf(request: IncomingMessage): string | undefined {
  const own = new URL(request.url ?? '/', 'http://placeholder').searchParams.get('inspect');
  const id = own ?? refererParam(request, 'inspect');
  return id !== undefined && id !== null && inspectorIdPattern.test(id) ? id : undefined;
}

function refererParam(request: IncomingMessage, name: string): string | undefined {
  const referer = request.headers.referer;
  if (!referer) return undefined;
  try {
    return new URL(referer).searchParams.get(name) ?? undefined;
  } catch {
    return undefined;
  }
}

type Listener = (line: string) => void;

/** The subscribers of one demo and one inspector id, and their rate window. */
interface Channel {
  listeners: Set<Listener>;
  /** Packets sent in the current second, and how many were dropped. */
  windowStart: number;
  sent: number;
  dropped: number;
}

/** What {@link createInspector} needs to know. */
export interface InspectorOptions {
  /**
   * The host names the course answers to; a subscription sent to another is
   * refused (421). Default: the library's loopback names.
   */
  allowedHosts?: HostAllowlist;
}

export interface Inspector {
  /** Starts watching a demo's socket.io server (call after it is attached). */
  // biome-ignore lint/suspicious/noExplicitAny: demos have their own typed event maps
  tap(demo: string, io: SocketIoServer<any, any, any, any>): void;
  /** `GET /events?demo=…&inspect=…`, to mount under `/inspector`. */
  router: Router;
  /**
   * Watches a raw WebSocket server (the `ws` library's WebSocketServer, as the
   * sidebar demo has): each text frame in and out becomes an entry of type
   * `frame` on transport `raw`.
   */
  tapRaw(demo: string, server: RawWebSocketServer): void;
  /**
   * Watches the plain HTTP requests of a demo that has no socket (demos 1 and
   * 2): each request and its response become entries on transport `http`.
   * Mount the returned middleware under the demo's prefix, before the demo.
   */
  tapHttp(demo: string): RequestHandler;
  /** Publishes an entry to the subscribers of `demo` with this inspector id (exported for tests). */
  publish(demo: string, inspectorId: string, entry: InspectorEntry): void;
  /** Ends every open event stream. */
  close(): void;
}

export function createInspector(options: InspectorOptions = {}): Inspector {
  /** Demos being watched → inspector id → its subscribers. */
  const demos = new Map<string, Map<string, Channel>>();
  const responses = new Set<Response>();
  const watch = (demo: string) => {
    if (!demos.has(demo)) demos.set(demo, new Map());
  };

  const publish = (demo: string, inspectorId: string, entry: InspectorEntry) => {
    const target = demos.get(demo)?.get(inspectorId);
    if (!target || target.listeners.size === 0) return;
    const now = Date.now();
    if (now - target.windowStart >= 1000) {
      if (target.dropped > 0) send(target, { dropped: target.dropped });
      target.windowStart = now;
      target.sent = 0;
      target.dropped = 0;
    }
    if (target.sent >= maxRatePerSecond) {
      target.dropped++;
      return;
    }
    target.sent++;
    send(target, entry);
  };

  const router = Router();
  router.get('/events', (request: Request, response: Response) => {
    const refusal = subscriptionRefusal(request, options.allowedHosts);
    if (refusal) {
      response.status(refusal.status).type('text').send(refusal.message);
      return;
    }
    const demo = String(request.query.demo ?? '');
    if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(demo)) {
      response
        .status(400)
        .type('text')
        .send('Ask for ?demo=<demo folder>, e.g. ?demo=04-broadcast-chat');
      return;
    }
    const inspectorId = String(request.query.inspect ?? '');
    if (!inspectorIdPattern.test(inspectorId)) {
      response
        .status(400)
        .type('text')
        .send(
          `Ask for ?inspect=<this page's inspector id> too (16–64 letters, digits, - or _; received ${JSON.stringify(inspectorId.slice(0, 70))}): the inspector shows only the connections of the page that opened them.`,
        );
      return;
    }
    const channels = demos.get(demo);
    if (!channels) {
      // Not 200: an EventSource gives up instead of retrying.
      response.status(404).type('text').send(`No demo called ${demo} is being watched.`);
      return;
    }
    let target = channels.get(inspectorId);
    if (!target) {
      target = { listeners: new Set(), windowStart: 0, sent: 0, dropped: 0 };
      channels.set(inspectorId, target);
    }
    const channel = target;
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    response.write('retry: 3000\n\n');
    response.flushHeaders();
    const listener: Listener = (line) => response.write(line);
    channel.listeners.add(listener);
    responses.add(response);
    // A comment every 20 s keeps proxies from closing an idle stream.
    const heartbeat = setInterval(() => response.write(': keep-alive\n\n'), 20_000);
    heartbeat.unref();
    request.on('close', () => {
      clearInterval(heartbeat);
      channel.listeners.delete(listener);
      responses.delete(response);
      if (channel.listeners.size === 0) channels.delete(inspectorId);
    });
  });

  return {
    router,
    publish,
    tap(demo, io) {
      watch(demo);
      io.engine.on('connection', (conn: EngineConnection) => {
        const inspectorId = inspectorIdOf(conn.request);
        if (inspectorId === undefined) return; // opened by no inspecting page: shown to nobody
        const pane = paneOf(conn.request);
        const meta = () => ({
          sid: conn.id,
          transport: conn.transport?.name ?? '?',
          ...(pane ? { pane } : {}),
        });
        conn.on('packet', (packet: EnginePacket) =>
          publish(demo, inspectorId, describePacket(packet, { dir: 'in', ...meta() })),
        );
        conn.on('packetCreate', (packet: EnginePacket) =>
          publish(demo, inspectorId, describePacket(packet, { dir: 'out', ...meta() })),
        );
      });
    },
    tapHttp(demo) {
      watch(demo);
      return (request, response, proceed) => {
        const inspectorId = inspectorIdOf(request);
        if (inspectorId === undefined) return proceed();
        // The page itself carries ?pane=; what it loads carries it in the Referer.
        const own = request.query.pane;
        const pane = typeof own === 'string' && /^[a-z]{1,12}$/.test(own) ? own : paneOf(request);
        const sid = 'http';
        const meta = (dir: 'in' | 'out') => ({
          dir,
          sid,
          transport: 'http',
          ...(pane ? { pane } : {}),
        });
        const line = `${request.method} ${request.originalUrl}`;
        publish(demo, inspectorId, describePacket({ type: 'request', data: line }, meta('in')));
        response.on('finish', () => {
          const type = String(response.getHeader('content-type') ?? '').split(';')[0] || 'no body';
          const location = response.getHeader('location');
          const status = `${response.statusCode} ${type}${location ? ` → ${String(location)}` : ''}`;
          publish(
            demo,
            inspectorId,
            describePacket({ type: 'response', data: `${status} (for ${line})` }, meta('out')),
          );
        });
        proceed();
      };
    },
    tapRaw(demo, server) {
      watch(demo);
      let next = 0;
      server.on('connection', (socket, request) => {
        const inspectorId = inspectorIdOf(request);
        if (inspectorId === undefined) return;
        const pane = paneOf(request) ?? queryParam(request, 'pane');
        const sid = `raw${(++next).toString(36)}`;
        const meta = (dir: 'in' | 'out') => ({
          dir,
          sid,
          transport: 'raw',
          ...(pane ? { pane } : {}),
        });
        socket.on('message', (data: unknown) =>
          publish(
            demo,
            inspectorId,
            describePacket({ type: 'frame', data: frameText(data) }, meta('in')),
          ),
        );
        // `ws` has no event for what is sent, so the inspector wraps `send`.
        const send = socket.send.bind(socket);
        socket.send = ((data: unknown, ...rest: unknown[]) => {
          publish(
            demo,
            inspectorId,
            describePacket({ type: 'frame', data: frameText(data) }, meta('out')),
          );
          return (send as (...args: unknown[]) => void)(data, ...rest);
        }) as typeof socket.send;
      });
    },
    close() {
      for (const response of responses) response.end();
      responses.clear();
      demos.clear();
    },
  };

  function send(target: Channel, payload: InspectorEntry | InspectorDropped) {
    const line = `data: ${JSON.stringify(payload)}\n\n`;
    for (const listener of target.listeners) listener(line);
  }
}

/**
 * Why a subscription may not be served, or `undefined`: it must be sent to a
 * host name the course answers to (421 otherwise, as everywhere), and come
 * from a page of the course itself: an `Origin`, when the browser sends one,
 * must be the course's own (403), and so must `Sec-Fetch-Site`, which every
 * current browser sends and no page can forge (403 for `cross-site` or
 * `same-site`).
 */
function subscriptionRefusal(
  request: Request,
  allowedHosts: HostAllowlist | undefined,
): { status: number; message: string } | undefined {
  const host = checkHost(request, allowedHosts);
  if (!host.ok) return host;
  const origin = checkOrigin(request);
  if (!origin.ok) return origin;
  const site = request.get('sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return {
      status: 403,
      message: `The event inspector streams only to pages of this course (Sec-Fetch-Site: ${site}; expected same-origin).`,
    };
  }
  return undefined;
}

function queryParam(request: IncomingMessage, name: string): string | undefined {
  const value = new URL(request.url ?? '/', 'http://placeholder').searchParams.get(name);
  return value !== null && /^[a-z]{1,12}$/.test(value) ? value : undefined;
}

/** The parts of a `ws` WebSocketServer the inspector uses. */
export interface RawWebSocketServer {
  on(
    event: 'connection',
    listener: (
      socket: {
        on(event: 'message', listener: (data: unknown) => void): void;
        send: (...args: never[]) => void;
      },
      request: IncomingMessage,
    ) => void,
  ): unknown;
}

function frameText(data: unknown): string | Buffer {
  if (typeof data === 'string') return data;
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data as Buffer[]).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return String(data);
}

/** The parts of an Engine.IO socket the inspector uses. */
interface EngineConnection {
  id: string;
  request: IncomingMessage;
  transport?: { name: string };
  on(event: 'packet' | 'packetCreate', listener: (packet: EnginePacket) => void): void;
}
