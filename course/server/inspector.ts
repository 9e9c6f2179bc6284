import type { IncomingMessage } from 'node:http';
import { type Request, type RequestHandler, type Response, Router } from 'express';
import type { Server as SocketIoServer } from 'socket.io';

/**
 * The event inspector's server side. It taps a demo's socket.io server at the
 * Engine.IO level (every packet in and out of every connection) and
 * republishes what it sees, decoded, to inspector pages over Server-Sent
 * Events (`GET /inspector/events?demo=<folder>`). SSE rather than a socket:
 * the inspector only listens, and it keeps a lesson page free of a socket
 * library.
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
  const raw = dataText(packet.data);
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
  const referer = request.headers.referer;
  if (!referer) return undefined;
  try {
    const pane = new URL(referer).searchParams.get('pane');
    return pane && /^[a-z]{1,12}$/.test(pane) ? pane : undefined;
  } catch {
    return undefined;
  }
}

type Listener = (line: string) => void;

interface Channel {
  listeners: Set<Listener>;
  /** Packets sent in the current second, and how many were dropped. */
  windowStart: number;
  sent: number;
  dropped: number;
}

export interface Inspector {
  /** Starts watching a demo's socket.io server (call after it is attached). */
  // biome-ignore lint/suspicious/noExplicitAny: demos have their own typed event maps
  tap(demo: string, io: SocketIoServer<any, any, any, any>): void;
  /** `GET /events?demo=…`, to mount under `/inspector`. */
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
  /** Publishes an entry (exported for tests). */
  publish(demo: string, entry: InspectorEntry): void;
  /** Ends every open event stream. */
  close(): void;
}

export function createInspector(): Inspector {
  const channels = new Map<string, Channel>();
  const responses = new Set<Response>();
  const channel = (demo: string): Channel => {
    let found = channels.get(demo);
    if (!found) {
      found = { listeners: new Set(), windowStart: 0, sent: 0, dropped: 0 };
      channels.set(demo, found);
    }
    return found;
  };

  const publish = (demo: string, entry: InspectorEntry) => {
    const target = channels.get(demo);
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
    const demo = String(request.query.demo ?? '');
    if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(demo)) {
      response
        .status(400)
        .type('text')
        .send('Ask for ?demo=<demo folder>, e.g. ?demo=04-broadcast-chat');
      return;
    }
    const target = channels.get(demo);
    if (!target) {
      // Not 200: an EventSource gives up instead of retrying.
      response.status(404).type('text').send(`No demo called ${demo} is being watched.`);
      return;
    }
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    response.write('retry: 3000\n\n');
    response.flushHeaders();
    const listener: Listener = (line) => response.write(line);
    target.listeners.add(listener);
    responses.add(response);
    // A comment every 20 s keeps proxies from closing an idle stream.
    const heartbeat = setInterval(() => response.write(': keep-alive\n\n'), 20_000);
    heartbeat.unref();
    request.on('close', () => {
      clearInterval(heartbeat);
      target.listeners.delete(listener);
      responses.delete(response);
    });
  });

  return {
    router,
    publish,
    tap(demo, io) {
      channel(demo);
      io.engine.on('connection', (conn: EngineConnection) => {
        const pane = paneOf(conn.request);
        const meta = () => ({
          sid: conn.id,
          transport: conn.transport?.name ?? '?',
          ...(pane ? { pane } : {}),
        });
        conn.on('packet', (packet: EnginePacket) =>
          publish(demo, describePacket(packet, { dir: 'in', ...meta() })),
        );
        conn.on('packetCreate', (packet: EnginePacket) =>
          publish(demo, describePacket(packet, { dir: 'out', ...meta() })),
        );
      });
    },
    tapHttp(demo) {
      channel(demo);
      return (request, response, proceed) => {
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
        publish(demo, describePacket({ type: 'request', data: line }, meta('in')));
        response.on('finish', () => {
          const type = String(response.getHeader('content-type') ?? '').split(';')[0] || 'no body';
          const location = response.getHeader('location');
          const status = `${response.statusCode} ${type}${location ? ` → ${String(location)}` : ''}`;
          publish(
            demo,
            describePacket({ type: 'response', data: `${status} (for ${line})` }, meta('out')),
          );
        });
        proceed();
      };
    },
    tapRaw(demo, server) {
      channel(demo);
      let next = 0;
      server.on('connection', (socket, request) => {
        const pane = paneOf(request);
        const sid = `raw${(++next).toString(36)}`;
        const meta = (dir: 'in' | 'out') => ({
          dir,
          sid,
          transport: 'raw',
          ...(pane ? { pane } : {}),
        });
        socket.on('message', (data: unknown) =>
          publish(demo, describePacket({ type: 'frame', data: frameText(data) }, meta('in'))),
        );
        // `ws` has no event for what is sent, so the inspector wraps `send`.
        const send = socket.send.bind(socket);
        socket.send = ((data: unknown, ...rest: unknown[]) => {
          publish(demo, describePacket({ type: 'frame', data: frameText(data) }, meta('out')));
          return (send as (...args: unknown[]) => void)(data, ...rest);
        }) as typeof socket.send;
      });
    },
    close() {
      for (const response of responses) response.end();
      responses.clear();
      channels.clear();
    },
  };

  function send(target: Channel, payload: InspectorEntry | InspectorDropped) {
    const line = `data: ${JSON.stringify(payload)}\n\n`;
    for (const listener of target.listeners) listener(line);
  }
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
