import { ChatError, type UserId } from '../protocol/index.ts';
import type { ChatSocket } from './types.ts';

// Chat room names cannot contain ':' (roomNameSchema), so a ':' in every
// internal room name keeps a client from ever joining one of ours.
const userRoomPrefix = 'user:';

/** The socket.io room holding every socket (tab) of one user: whispers and `poll:my-vote` go there. */
export function userRoom(userId: UserId): string {
  return `${userRoomPrefix}${userId}`;
}

/** The socket.io room of the sockets that asked for `room:counts` (`room:list { watch: true }`). */
export const roomCountsWatchers = 'watch:room-counts';

/** The chat rooms this socket is in, leaving out socket.io's own room and ours. */
export function chatRoomsOf(socket: ChatSocket): string[] {
  return [...socket.rooms].filter((room) => room !== socket.id && !room.includes(':'));
}

/** Throws `not_in_room` unless this socket has joined `room`. */
export function requireMembership(socket: ChatSocket, room: string): void {
  if (!socket.rooms.has(room)) {
    throw new ChatError('not_in_room', `You are not in the room '${room}'; join it first.`);
  }
}
