import type { RoomName, RoomSnapshot } from '../protocol/index.ts';
import type { ChatContext } from './context.ts';
import { toPoll } from './stores/poll-store.ts';
import type { ChatSocket } from './types.ts';

/**
 * Everything a member needs on joining `room`, for this socket's user: the
 * full member list (the only time it is sent), recent messages with their
 * reactions, who else is typing, polls with counts and the user's own votes,
 * and the canvas so far.
 */
export async function roomSnapshot(
  ctx: ChatContext,
  socket: ChatSocket,
  room: RoomName,
): Promise<RoomSnapshot> {
  const { userId } = socket.data;
  const [members, messages, polls, canvas] = await Promise.all([
    ctx.stores.presence.members(room),
    ctx.stores.history.recent(room, ctx.options.limits.historyPerRoom),
    ctx.stores.polls.list(room),
    ctx.stores.canvas.list(room),
  ]);
  const myVotes: Record<string, string> = {};
  for (const poll of polls) {
    const optionId = poll.votes.get(userId);
    if (optionId !== undefined) myVotes[poll.id] = optionId;
  }
  return {
    room,
    members,
    messages,
    typing: ctx.typing.typists(room).filter((typist) => typist !== userId),
    polls: polls.map(toPoll),
    myVotes,
    canvas,
  };
}
