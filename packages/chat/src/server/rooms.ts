import { ChatError, limits, type RoomName } from '../protocol/index.ts';
import type { ChatContext } from './context.ts';
import type { Feature } from './handle-event.ts';
import { chatRoomsOf, roomCountsWatchers } from './internal-rooms.ts';
import { enterRoom, exitRoom } from './presence.ts';
import { roomSummaries } from './room-counts.ts';
import { roomSnapshot } from './snapshot.ts';
import type { ChatSocket } from './types.ts';

// Membership is per socket (each tab joins the rooms it shows); presence is
// per user (see presence.ts).

/**
 * `room:list`: every room and its member count. `watch: true` subscribes this
 * socket to `room:counts` (see room-counts.ts), `watch: false` unsubscribes.
 */
export const listRooms: Feature<'room:list'> = async (ctx, socket, { watch }) => {
  if (watch === true) await socket.join(roomCountsWatchers);
  if (watch === false) await socket.leave(roomCountsWatchers);
  return { rooms: await roomSummaries(ctx) };
};

/**
 * `room:join`: joins a room (creating it if allowed) and answers its
 * snapshot; with `since`, only the messages after that one, when the history
 * still has it (a client catching up after a reconnection).
 */
export const joinRoom: Feature<'room:join'> = async (ctx, socket, { room, since }) => {
  await ensureRoom(ctx, room);
  if (await join(ctx, socket, room)) ctx.roomCounts.changed();
  return { snapshot: await roomSnapshot(ctx, socket, room, since) };
};

/** `room:leave`: leaves a room; leaving a room you are not in is fine and does nothing. */
export const leaveRoom: Feature<'room:leave'> = async (ctx, socket, { room }) => {
  if (await leave(ctx, socket, room)) ctx.roomCounts.changed();
  return {};
};

/** `room:switch`: leaves every chat room of this socket and joins `room`. */
export const switchRoom: Feature<'room:switch'> = async (ctx, socket, { room }) => {
  // Checked first, so that a refused switch leaves the socket where it was.
  await ensureRoom(ctx, room);
  let changed = false;
  for (const other of chatRoomsOf(socket)) {
    if (other !== room && (await leave(ctx, socket, other))) changed = true;
  }
  if (await join(ctx, socket, room)) changed = true;
  if (changed) ctx.roomCounts.changed();
  return { snapshot: await roomSnapshot(ctx, socket, room) };
};

async function ensureRoom(ctx: ChatContext, room: RoomName): Promise<void> {
  if (await ctx.stores.rooms.has(room)) return;
  if (!ctx.options.allowRoomCreation) {
    const known = await ctx.stores.rooms.list();
    throw new ChatError(
      'unknown_room',
      `There is no room '${room}'; the rooms are: ${known.join(', ') || 'none'}.`,
    );
  }
  if ((await ctx.stores.rooms.create(room, limits.rooms)) === 'limit') {
    throw new ChatError(
      'room_limit',
      `Cannot create the room '${room}': this server already has ${limits.rooms} rooms.`,
    );
  }
}

// Joining twice is harmless: the second join only answers the snapshot again.
async function join(ctx: ChatContext, socket: ChatSocket, room: RoomName): Promise<boolean> {
  if (socket.rooms.has(room)) return false;
  await socket.join(room);
  return enterRoom(ctx, socket, room);
}

async function leave(ctx: ChatContext, socket: ChatSocket, room: RoomName): Promise<boolean> {
  if (!socket.rooms.has(room)) return false;
  await socket.leave(room);
  return exitRoom(ctx, socket, room);
}
