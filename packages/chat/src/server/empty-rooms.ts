import type { RoomName } from '../protocol/index.ts';
import type { ChatContext } from './context.ts';

// Rooms that clients create (with `allowRoomCreation`) last as long as somebody
// is in them. Without this, every name anyone ever joined would count against
// `limits.rooms` forever, and a long-running server would stop accepting new
// rooms. The rooms listed in the server's options are never removed.

/**
 * Removes `room` with its history, polls and canvas when a client created it
 * and its last member has just left. Answers true when it was removed.
 */
export async function removeIfEmpty(ctx: ChatContext, room: RoomName): Promise<boolean> {
  if (!ctx.options.allowRoomCreation || ctx.options.rooms.includes(room)) return false;
  if ((await ctx.stores.presence.count(room)) > 0) return false;
  await Promise.all([
    ctx.stores.rooms.remove(room),
    ctx.stores.history.drop(room),
    ctx.stores.polls.drop(room),
    ctx.stores.canvas.clear(room),
  ]);
  return true;
}
