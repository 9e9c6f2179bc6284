import type { RoomName, UserId } from '../protocol/index.ts';
import type { Feature } from './handle-event.ts';
import { requireMembership, userRoom } from './internal-rooms.ts';
import type { ChatIo } from './types.ts';
import type { TypingTracker } from './typing-tracker.ts';

/** Creates a {@link TypingTracker} that broadcasts `typing:update` on `io`. */
export function createTypingTracker(io: ChatIo, timeoutMs: number): TypingTracker {
  const rooms = new Map<RoomName, Map<UserId, NodeJS.Timeout>>();
  let disposed = false;

  const broadcast = (room: RoomName, changed: UserId) => {
    const typists = [...(rooms.get(room)?.keys() ?? [])];
    io.to(room)
      .except([changed, ...typists].map(userRoom))
      .emit('typing:update', { room, userIds: typists });
    for (const typist of typists) {
      if (typist === changed) continue;
      io.to(userRoom(typist)).emit('typing:update', {
        room,
        userIds: typists.filter((other) => other !== typist),
      });
    }
  };

  const stop = (room: RoomName, userId: UserId) => {
    const typists = rooms.get(room);
    const timer = typists?.get(userId);
    if (!typists || !timer) return;
    clearTimeout(timer);
    typists.delete(userId);
    if (typists.size === 0) rooms.delete(room);
    broadcast(room, userId);
  };

  return {
    start(room, userId) {
      if (disposed) return;
      let typists = rooms.get(room);
      if (!typists) {
        typists = new Map();
        rooms.set(room, typists);
      }
      const previous = typists.get(userId);
      clearTimeout(previous);
      typists.set(
        userId,
        setTimeout(() => stop(room, userId), timeoutMs),
      );
      if (!previous) broadcast(room, userId);
    },
    stop,
    typists(room) {
      return [...(rooms.get(room)?.keys() ?? [])];
    },
    dispose() {
      disposed = true;
      for (const typists of rooms.values())
        for (const timer of typists.values()) clearTimeout(timer);
      rooms.clear();
    },
  };
}

/** `typing:start`: the sender types in a room they are in. */
export const startTyping: Feature<'typing:start'> = async (ctx, socket, { room }) => {
  requireMembership(socket, room);
  ctx.typing.start(room, socket.data.userId);
  return {};
};

/** `typing:stop`: the sender stopped typing. */
export const stopTyping: Feature<'typing:stop'> = async (ctx, socket, { room }) => {
  requireMembership(socket, room);
  ctx.typing.stop(room, socket.data.userId);
  return {};
};
