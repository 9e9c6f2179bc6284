import type { RoomName } from '../protocol/index.ts';
import { type ChatContext, isoNow } from './context.ts';
import { removeIfEmpty } from './empty-rooms.ts';
import type { ChatSocket } from './types.ts';

// Presence costs O(1) bytes per member per join: a joiner gets the full member
// list once (in the join ack's snapshot), everybody else gets a one-member
// `presence:diff`. Nobody is ever sent the whole list again.

/**
 * Counts a socket that has just joined `room` (socket.io room) into the room's
 * presence. When it is the user's first socket there, the other members hear
 * `presence:diff { joined: [member] }`. Answers true when the member count changed.
 *
 * A recovered socket (connection state recovery) missed nothing but did
 * receive its own `left` diff from the replayed packets, so it is told about
 * its own return as well.
 */
export async function enterRoom(
  ctx: ChatContext,
  socket: ChatSocket,
  room: RoomName,
  { recovered = false }: { recovered?: boolean } = {},
): Promise<boolean> {
  const { userId, nickname } = socket.data;
  const { member, joined } = await ctx.stores.presence.add(room, {
    userId,
    nickname,
    joinedAt: isoNow(ctx),
  });
  if (!joined) return false;
  const to = recovered ? ctx.io.to(room) : socket.to(room);
  to.emit('presence:diff', { room, joined: [member], left: [] });
  return true;
}

/**
 * Counts a socket that has left `room` (or is disconnecting) out of the
 * room's presence. When it was the user's last socket there, the remaining
 * members hear `presence:diff { left: [userId] }` and the user's typing in
 * the room ends; a client-created room left empty is removed. Answers true
 * when the member count changed.
 */
export async function exitRoom(
  ctx: ChatContext,
  socket: ChatSocket,
  room: RoomName,
): Promise<boolean> {
  const { userId } = socket.data;
  // Typing belongs to the tab that leaves, and a typist whose tab is gone would linger until expiry.
  await ctx.typing.stop(room, userId);
  const left = await ctx.stores.presence.remove(room, userId);
  if (!left) return false;
  ctx.io.to(room).emit('presence:diff', { room, joined: [], left: [userId] });
  await removeIfEmpty(ctx, room);
  return true;
}
