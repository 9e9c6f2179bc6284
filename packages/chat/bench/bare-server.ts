// The baseline: bare socket.io doing by hand what the benchmark asks of the
// chat, with socket.io's defaults (no connection state recovery) and no
// validation, limits or stores. A join is `socket.join`, an ack carrying the
// room's member list (the chat's snapshot has it too) and one presence diff to
// the others; a message is one broadcast to the room and an ack.

import { randomUUID } from 'node:crypto';
import type { Server as HttpServer } from 'node:http';
import { Server, type ServerOptions } from 'socket.io';

interface Member {
  userId: string;
  nickname: string;
  joinedAt: string;
}

type Ack = (result: unknown) => void;

function roomOf(payload: unknown): string | undefined {
  const room = (payload as { room?: unknown } | null)?.room;
  return typeof room === 'string' ? room : undefined;
}

/** Starts the baseline on `httpServer`; answers its socket.io server. */
export function createBareServer(
  httpServer: HttpServer,
  options: Partial<ServerOptions> = {},
): Server {
  const io = new Server(httpServer, { maxHttpBufferSize: 64 * 1024, ...options });
  const rooms = new Map<string, Map<string, Member>>();
  io.on('connection', (socket) => {
    const nickname = String((socket.handshake.auth as { nickname?: unknown }).nickname ?? '');
    const userId = randomUUID();
    socket.on('room:join', (payload: unknown, ack: Ack) => {
      const room = roomOf(payload);
      if (room === undefined) return ack({ ok: false });
      const members = rooms.get(room) ?? new Map<string, Member>();
      rooms.set(room, members);
      const member = { userId, nickname, joinedAt: new Date().toISOString() };
      members.set(userId, member);
      void socket.join(room);
      socket.to(room).emit('presence:diff', { room, joined: [member], left: [] });
      ack({ ok: true, snapshot: { room, members: [...members.values()], messages: [] } });
    });
    socket.on('message:send', (payload: unknown, ack: Ack) => {
      const room = roomOf(payload);
      const text = (payload as { text?: unknown }).text;
      if (room === undefined || typeof text !== 'string') return ack({ ok: false });
      const message = {
        id: randomUUID(),
        room,
        userId,
        nickname,
        text,
        timestamp: new Date().toISOString(),
        reactions: [],
      };
      io.to(room).emit('message:new', message);
      ack({ ok: true, message });
    });
    socket.on('disconnecting', () => {
      for (const room of socket.rooms) {
        const members = rooms.get(room);
        if (!members?.delete(userId)) continue;
        if (members.size === 0) rooms.delete(room);
        socket.to(room).emit('presence:diff', { room, joined: [], left: [userId] });
      }
    });
  });
  return io;
}
