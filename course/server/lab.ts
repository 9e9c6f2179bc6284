import type { Server as HttpServer } from 'node:http';
import { isSameOrigin, sameOriginOnly } from '@funws/demo-kit';
import { type Request, type Response, Router } from 'express';
import { Server } from 'socket.io';

/**
 * The "polling vs WebSocket" lab: one ticker on the server, seen two ways.
 * - `GET /lab/ticks?after=<seq>` answers at once with the ticks after `seq`
 *   (short polling: the browser asks every N ms, mostly for nothing);
 * - socket.io at `/lab/socket.io` pushes each tick as it happens.
 * The ticker runs only while someone watches, and stops 10 s after the last
 * poll or socket, so an idle course server does nothing.
 */

/** A server event: its number and when it happened (ms since the epoch). */
export interface Tick {
  seq: number;
  at: number;
}

export interface LabTicksResponse {
  ticks: Tick[];
  /** The size of this request's head as the server received it (method, URL, headers). */
  requestBytes: number;
}

interface LabServerEvents {
  tick: (tick: Tick) => void;
}

export interface Lab {
  router: Router;
  io: Server<Record<string, never>, LabServerEvents>;
  close(): Promise<void>;
}

/** Ticks kept for pollers: enough for a poll interval of several seconds. */
const keep = 50;
const idleAfterMs = 10_000;

/** Ticks every 400–1200 ms (irregular, so a poller's delay is visible). */
function nextGap(): number {
  return 400 + Math.floor(Math.random() * 800);
}

export function createLab(server: HttpServer, basePath = '/lab'): Lab {
  const ticks: Tick[] = [];
  let seq = 0;
  let timer: NodeJS.Timeout | undefined;
  let lastInterest = 0;

  const io = new Server<Record<string, never>, LabServerEvents>({
    path: `${basePath}/socket.io`,
    serveClient: false,
    allowRequest: sameOriginOnly,
    transports: ['websocket'],
  });
  io.attach(server, { destroyUpgrade: false });
  io.on('connection', () => wake());

  const schedule = () => {
    timer = setTimeout(() => {
      const tick: Tick = { seq: ++seq, at: Date.now() };
      ticks.push(tick);
      if (ticks.length > keep) ticks.shift();
      io.emit('tick', tick);
      const watched = io.engine.clientsCount > 0 || Date.now() - lastInterest < idleAfterMs;
      if (watched) schedule();
      else timer = undefined;
    }, nextGap());
    timer.unref();
  };
  const wake = () => {
    lastInterest = Date.now();
    if (!timer) schedule();
  };

  const router = Router();
  router.get('/ticks', (request: Request, response: Response) => {
    if (!isSameOrigin(request)) {
      response.status(403).json({ error: 'Only pages of this server may poll.' });
      return;
    }
    wake();
    const after = Number(request.query.after ?? 0);
    const since = Number.isFinite(after) ? after : 0;
    const body: LabTicksResponse = {
      ticks: ticks.filter((tick) => tick.seq > since),
      requestBytes: requestHeadBytes(request),
    };
    response.set('Cache-Control', 'no-store').json(body);
  });

  return {
    router,
    io,
    async close() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      io.disconnectSockets(true);
      // Not io.close(): that would close the http server it shares with everything else.
      io.engine.close();
    },
  };
}

function requestHeadBytes(request: Request): number {
  let bytes = `${request.method} ${request.originalUrl} HTTP/${request.httpVersion}\r\n`.length;
  const raw = request.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    bytes += Buffer.byteLength(`${raw[i]}: ${raw[i + 1]}\r\n`);
  }
  return bytes + 2;
}
