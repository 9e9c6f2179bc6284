import type { IncomingMessage } from 'node:http';
import { type DemoApp, nicknameKey } from '@funws/demo-kit';
import type { Socket as ServerSocket, Server as SocketIoServer } from 'socket.io';
import { io as connectSocket } from 'socket.io-client';
import { freshDemo } from './fresh-demo.ts';
import { type ClassroomSessions, readCookie, sessionCookieName } from './sessions.ts';
import { roleOf } from './who.ts';

/** One refusal the dashboard lists: a rate limit, a bad payload, a wrong join code… */
export interface Refusal {
  at: string;
  /** A demo folder, or `join` for the classroom's own gate. */
  where: string;
  code: string;
}

/** What the dashboard shows about one demo. */
export interface DemoStats {
  demo: string;
  students: number;
  /** Events received per second, over the last five seconds. */
  messagesPerSecond: number;
  locked: boolean;
  /** The nicknames its students joined with. */
  nicknames: string[];
  /** Whether "clear canvas" applies (the demo has the protocol's `clear_canvas`). */
  hasCanvas: boolean;
}

export interface RoomState {
  demos: DemoStats[];
  muted: string[];
  refusals: Refusal[];
}

/** The typed answer of every action. */
export type ActionResult =
  | { ok: true; done: string }
  | { ok: false; error: { code: string; message: string } };

/**
 * The instructor's hold on the room: stats of every demo, and the actions
 * that steer it. Built on each demo's socket.io server from outside, without
 * changing the demos' teaching code:
 *
 * - students, nicknames and messages are read from connections and packets;
 * - mute and lock are a socket middleware that answers a student's event with
 *   `{ ok: false, error: { code: 'muted' | 'demo_locked' } }` instead of
 *   passing it on;
 * - remove disconnects the nickname's sockets and ends their class session;
 * - "clear canvas" joins the demo as `Instructor` over loopback and sends the
 *   demo's own `clear_canvas`, as any member could.
 */
export interface ClassroomRoom {
  state(): RoomState;
  /** Records a refusal made elsewhere (the gate). */
  refused(where: string, code: string): void;
  lock(demo: string, locked: boolean): ActionResult;
  mute(nickname: string, muted: boolean): ActionResult;
  remove(nickname: string): ActionResult;
  clearCanvas(demo: string): Promise<ActionResult>;
  /** Starts a demo afresh: its chat, polls, drawing and who is online are gone (see freshDemo). */
  clearChat(demo: string): Promise<ActionResult>;
  resetAll(): Promise<ActionResult>;
}

export interface RoomOptions {
  /** The mounted demos; a demo started afresh replaces its entry. */
  demos: Map<string, DemoApp>;
  sessions: ClassroomSessions;
  trustProxy: boolean;
  /** Where the instructor's own client connects, e.g. `http://127.0.0.1:4321`. */
  loopbackUrl: () => string;
  now?: () => number;
}

/** Events that carry a nickname, in demos 5–7. */
const joinEvents = new Set(['join_chat', 'join_room']);
const maxRefusals = 50;

interface Tracked {
  socket: ServerSocket;
  student: boolean;
  nickname?: string;
  session?: string;
}

interface DemoRoom {
  folder: string;
  locked: boolean;
  sockets: Map<string, Tracked>;
  /** Events per whole second, for the last few seconds. */
  perSecond: Map<number, number>;
  hasCanvas: boolean;
}

export function createClassroomRoom(options: RoomOptions): ClassroomRoom {
  const now = options.now ?? Date.now;
  const rooms = new Map<string, DemoRoom>();
  const muted = new Map<string, string>(); // key → nickname as typed
  const refusals: Refusal[] = [];

  const refused = (where: string, code: string) => {
    refusals.push({ at: new Date(now()).toISOString(), where, code });
    if (refusals.length > maxRefusals) refusals.shift();
  };

  /** Tracks a demo's sockets, and refuses muted or locked students' events. */
  // biome-ignore lint/suspicious/noExplicitAny: each demo has its own typed event maps
  function watchSockets(room: DemoRoom, io: SocketIoServer<any, any, any, any>): void {
    io.on('connection', (socket: ServerSocket) => {
      const request = socket.request as IncomingMessage;
      const tracked: Tracked = {
        socket,
        student: roleOf(request, options.trustProxy) === 'student',
      };
      const session = options.sessions.verify(
        readCookie(request.headers.cookie, sessionCookieName),
      );
      if (session !== undefined) tracked.session = session;
      room.sockets.set(socket.id, tracked);
      socket.on('disconnect', () => room.sockets.delete(socket.id));

      socket.use((packet, next) => {
        const [event] = packet;
        const ack = packet.at(-1);
        const answer = typeof ack === 'function' ? (ack as (reply: unknown) => void) : undefined;
        if (tracked.student && typeof event === 'string' && !joinEvents.has(event)) {
          const refusal = room.locked
            ? { code: 'demo_locked', message: 'The instructor has paused this demo for a moment.' }
            : tracked.nickname !== undefined && muted.has(nicknameKey(tracked.nickname))
              ? { code: 'muted', message: 'The instructor has muted you in this class.' }
              : undefined;
          if (refusal) {
            answer?.({ ok: false, error: refusal });
            return;
          }
        }
        // Learn the nickname from the demo's own answer to a join.
        if (typeof event === 'string' && joinEvents.has(event) && answer) {
          packet[packet.length - 1] = (reply: unknown) => {
            const nickname = (reply as { ok?: unknown; user?: { nickname?: unknown } } | undefined)
              ?.user?.nickname;
            if (typeof nickname === 'string') tracked.nickname = nickname;
            answer(reply);
          };
        }
        next();
      });
    });
  }

  for (const [folder, demo] of options.demos) {
    const io = demo.io;
    if (!io) continue;
    const room: DemoRoom = {
      folder,
      locked: false,
      sockets: new Map(),
      perSecond: new Map(),
      // Demo 7's protocol has clear_canvas; the others draw nothing.
      hasCanvas: folder.startsWith('07-'),
    };
    rooms.set(folder, room);

    // Every packet in and out, at the Engine.IO level (as the inspector reads them).
    io.engine.on('connection', (conn: EngineConnection) => {
      conn.on('packet', (packet) => {
        if (
          packet.type === 'message' &&
          typeof packet.data === 'string' &&
          packet.data[0] === '2'
        ) {
          const second = Math.floor(now() / 1000);
          room.perSecond.set(second, (room.perSecond.get(second) ?? 0) + 1);
          for (const key of room.perSecond.keys()) if (key < second - 6) room.perSecond.delete(key);
        }
      });
      conn.on('packetCreate', (packet) => {
        // An ack (Socket.IO type 3) that says no: note its error code.
        if (packet.type !== 'message' || typeof packet.data !== 'string') return;
        if (packet.data[0] !== '3' || !packet.data.includes('"ok":false')) return;
        const code = /"code":"([\w-]{1,40})"/.exec(packet.data)?.[1] ?? 'unknown';
        refused(folder, code);
      });
    });

    watchSockets(room, io);
  }

  const unknownDemo = (demo: string): ActionResult => ({
    ok: false,
    error: {
      code: 'unknown_demo',
      message: `There is no live demo "${demo}"; expected one of ${[...rooms.keys()].join(', ')}.`,
    },
  });

  const clearCanvas = async (demo: string): Promise<ActionResult> => {
    const room = rooms.get(demo);
    if (!room) return unknownDemo(demo);
    if (!room.hasCanvas) {
      return {
        ok: false,
        error: { code: 'no_canvas', message: `The demo ${demo} has no canvas.` },
      };
    }
    return await asInstructor(options.loopbackUrl(), demo, 'clear_canvas');
  };

  const api: ClassroomRoom = {
    refused,
    state() {
      const second = Math.floor(now() / 1000);
      return {
        demos: [...rooms.values()].map((room) => {
          let events = 0;
          for (const [key, count] of room.perSecond)
            if (key >= second - 5 && key < second) events += count;
          const students = [...room.sockets.values()].filter((entry) => entry.student);
          return {
            demo: room.folder,
            students: students.length,
            messagesPerSecond: events / 5,
            locked: room.locked,
            nicknames: students.flatMap((entry) => (entry.nickname ? [entry.nickname] : [])),
            hasCanvas: room.hasCanvas,
          };
        }),
        muted: [...muted.values()],
        refusals: [...refusals].reverse(),
      };
    },
    lock(demo, locked) {
      const room = rooms.get(demo);
      if (!room) return unknownDemo(demo);
      room.locked = locked;
      return { ok: true, done: `${demo} is ${locked ? 'locked' : 'open again'}.` };
    },
    mute(nickname, on) {
      const key = nicknameKey(nickname);
      if (on) muted.set(key, nickname);
      else muted.delete(key);
      return { ok: true, done: `${nickname} is ${on ? 'muted' : 'no longer muted'}.` };
    },
    remove(nickname) {
      const key = nicknameKey(nickname);
      let removed = 0;
      for (const room of rooms.values()) {
        for (const entry of room.sockets.values()) {
          if (!entry.student || entry.nickname === undefined || nicknameKey(entry.nickname) !== key)
            continue;
          // Their cookie stops working: coming back takes the join code again.
          if (entry.session) options.sessions.revoke(entry.session);
          entry.socket.disconnect(true);
          removed += 1;
        }
      }
      if (removed === 0) {
        return {
          ok: false,
          error: { code: 'unknown_nickname', message: `Nobody called "${nickname}" is connected.` },
        };
      }
      return { ok: true, done: `${nickname} was removed (${removed} connection(s)).` };
    },
    clearCanvas,
    async clearChat(demo) {
      const room = rooms.get(demo);
      const current = options.demos.get(demo);
      if (!room || !current) return unknownDemo(demo);
      try {
        const fresh = await freshDemo(demo, current);
        options.demos.set(demo, fresh);
        if (fresh.io) watchSockets(room, fresh.io);
        return {
          ok: true,
          done: `${demo} starts afresh: its chat (and polls and drawing) are gone; students' pages reconnect by themselves.`,
        };
      } catch (error) {
        return {
          ok: false,
          error: {
            code: 'action_failed',
            message: `Could not start ${demo} afresh: ${error instanceof Error ? error.message : String(error)}`,
          },
        };
      }
    },
    async resetAll() {
      muted.clear();
      for (const room of rooms.values()) room.locked = false;
      const results = [];
      // One after the other: each rebuild is quick, and the order of the log stays readable.
      for (const room of rooms.values()) results.push(await api.clearChat(room.folder));
      const failed = results.filter((result) => !result.ok).length;
      if (failed > 0) {
        return {
          ok: false,
          error: {
            code: 'action_failed',
            message: `${failed} demo(s) could not start afresh; the dashboard's status line said why.`,
          },
        };
      }
      return { ok: true, done: 'Every demo starts afresh, unlocked, with nobody muted.' };
    },
  };
  return api;
}

interface EngineConnection {
  on(
    event: 'packet' | 'packetCreate',
    listener: (packet: { type: string; data?: unknown }) => void,
  ): void;
}

/**
 * Joins `demo` as the instructor over loopback (127.0.0.1: the gate lets it
 * through), sends one of the demo's own events, and leaves.
 */
async function asInstructor(baseUrl: string, demo: string, event: string): Promise<ActionResult> {
  const socket = connectSocket(baseUrl, {
    path: `/demos/${demo}/socket.io`,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    timeout: 5000,
  });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    const timed = socket.timeout(5000);
    let joined: { ok?: boolean } | undefined;
    for (const nickname of ['Instructor', 'Instructor (2)', 'Instructor (3)']) {
      joined = (await timed.emitWithAck('join_chat', { nickname })) as { ok?: boolean };
      if (joined.ok) break;
    }
    if (!joined?.ok) throw new Error('could not join as Instructor');
    const answer = (await timed.emitWithAck(event, {})) as ActionResult | { ok: true };
    if (answer.ok) return { ok: true, done: `${event} sent to ${demo}.` };
    return answer;
  } catch (error) {
    return {
      ok: false,
      error: {
        code: 'action_failed',
        message: `Could not ${event} in ${demo}: ${error instanceof Error ? error.message : String(error)}`,
      },
    };
  } finally {
    socket.disconnect();
  }
}
