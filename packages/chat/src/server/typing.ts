import type { RoomName, UserId } from '../protocol/index.ts';
import { type ChatCluster, inOrder } from './cluster.ts';
import type { Feature } from './handle-event.ts';
import { requireMembership, userRoom } from './internal-rooms.ts';
import type { TypingStore } from './stores/typing-store.ts';
import type { ChatIo } from './types.ts';
import type { TypingTracker } from './typing-tracker.ts';

/** Creates a {@link TypingTracker} on `store` that broadcasts `typing:update` on `io`. */
export function createTypingTracker(
  io: ChatIo,
  {
    store,
    timeoutMs,
    cluster,
    onError,
  }: {
    store: TypingStore;
    timeoutMs: number;
    /** Keeps the broadcasts of several nodes in the order of their writes (see `ChatCluster.inOrder`). */
    cluster: ChatCluster | undefined;
    onError: (error: unknown) => void;
  },
): TypingTracker {
  const timers = new Map<string, NodeJS.Timeout>();
  let disposed = false;
  const keyOf = (room: RoomName, userId: UserId) => `${room}\n${userId}`;

  const broadcast = async (room: RoomName, changed: UserId) => {
    const typists = await store.typists(room, Date.now());
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

  /** Runs a change of the list, and broadcasts the new list if it changed, in the cluster's order. */
  const change = (room: RoomName, userId: UserId, write: () => Promise<boolean>) =>
    inOrder(cluster, `typing:${room}`, async () => {
      if (await write()) await broadcast(room, userId);
    });

  const expire = (room: RoomName, userId: UserId, expiresAt: number) => {
    timers.delete(keyOf(room, userId));
    return change(room, userId, () => store.stop(room, userId, expiresAt));
  };

  return {
    async start(room, userId) {
      if (disposed) return;
      const now = Date.now();
      const expiresAt = now + timeoutMs;
      const key = keyOf(room, userId);
      clearTimeout(timers.get(key));
      timers.set(
        key,
        setTimeout(() => expire(room, userId, expiresAt).catch(onError), timeoutMs),
      );
      await change(room, userId, () => store.start(room, userId, expiresAt, now));
    },
    async stop(room, userId) {
      const key = keyOf(room, userId);
      clearTimeout(timers.get(key));
      timers.delete(key);
      await change(room, userId, () => store.stop(room, userId));
    },
    typists(room) {
      return store.typists(room, Date.now());
    },
    dispose() {
      disposed = true;
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}

/** `typing:start`: the sender types in a room they are in. */
export const startTyping: Feature<'typing:start'> = async (ctx, socket, { room }) => {
  requireMembership(socket, room);
  await ctx.typing.start(room, socket.data.userId);
  return {};
};

/** `typing:stop`: the sender stopped typing. */
export const stopTyping: Feature<'typing:stop'> = async (ctx, socket, { room }) => {
  requireMembership(socket, room);
  await ctx.typing.stop(room, socket.data.userId);
  return {};
};
