import { limits } from '../protocol/index.ts';
import type { ChatContext } from './context.ts';
import { attachEventHandlers, type Features } from './handle-event.ts';
import { markConnected, reclaimIdentity, releaseIdentity, sessionOf } from './identity.ts';
import { chatRoomsOf, userRoom } from './internal-rooms.ts';
import { enterRoom, exitRoom } from './presence.ts';
import { createSerialQueue } from './serial-queue.ts';
import type { ChatSocket } from './types.ts';

/**
 * Handles one accepted socket for its whole life: routes its events, greets
 * it with `session`, restores a recovered socket's presence, and on
 * disconnect takes it out of every room and frees its claim. (Room counts are
 * for sockets that ask: `room:list { watch: true }`.)
 */
export function handleConnection(ctx: ChatContext, socket: ChatSocket, features: Features): void {
  markConnected(socket);
  const queue = createSerialQueue();
  const fail = (what: string) => (error: unknown) => ctx.options.logger.error(what, error);

  // Before anything async: a whisper may be on its way already, and a quick disconnect must not be missed.
  void socket.join(userRoom(socket.data.userId));
  socket.on('disconnecting', () => {
    const rooms = chatRoomsOf(socket);
    const cleanup = queue
      .run(() => farewell(ctx, socket, rooms))
      .catch(fail('cleaning up a socket failed'));
    ctx.cleanups.add(cleanup);
    void cleanup.finally(() => ctx.cleanups.delete(cleanup));
  });
  attachEventHandlers(ctx, socket, features, queue);
  queue.run(() => greet(ctx, socket)).catch(fail('greeting a socket failed'));
}

async function greet(ctx: ChatContext, socket: ChatSocket): Promise<void> {
  // A recovered socket skips the middleware, which waits for this; a cluster resync may be under way.
  await ctx.ready;
  if (socket.recovered) {
    if (!(await reclaimIdentity(ctx, socket))) {
      // Somebody took the nickname while this socket was away; it has to reconnect afresh.
      socket.disconnect(true);
      return;
    }
    let changed = false;
    for (const room of chatRoomsOf(socket)) {
      // Its room may have been removed as empty while it was away: bring it back, if room remains.
      if (!(await ctx.stores.rooms.has(room))) {
        if ((await ctx.stores.rooms.create(room, limits.rooms)) === 'limit') {
          await socket.leave(room);
          continue;
        }
        changed = true;
      }
      if (await enterRoom(ctx, socket, room, { recovered: true })) changed = true;
    }
    if (changed) ctx.roomCounts.changed();
  }
  socket.emit('session', sessionOf(socket));
}

async function farewell(ctx: ChatContext, socket: ChatSocket, rooms: string[]): Promise<void> {
  let changed = false;
  for (const room of rooms) {
    if (await exitRoom(ctx, socket, room)) changed = true;
  }
  await releaseIdentity(ctx, socket);
  if (changed) ctx.roomCounts.changed();
}
