import type { RoomName, RoomSnapshot } from '../protocol/index.ts';
import type { ChatContext } from './context.ts';
import { toPoll } from './stores/poll-store.ts';
import type { ChatSocket } from './types.ts';

/**
 * Everything a member needs on joining `room`, for this socket's user: the
 * full member list (the only time it is sent), recent messages with their
 * reactions (or, given `since`, only those after it: see {@link missedMessages}),
 * who else is typing, polls with counts and the user's own votes, and the
 * canvas so far.
 */
export async function roomSnapshot(
  ctx: ChatContext,
  socket: ChatSocket,
  room: RoomName,
  since?: string,
): Promise<RoomSnapshot> {
  const { userId } = socket.data;
  const [members, messages, polls, canvas, typists] = await Promise.all([
    ctx.stores.presence.members(room),
    missedMessages(ctx, room, since),
    ctx.stores.polls.list(room),
    ctx.stores.canvas.list(room),
    ctx.typing.typists(room),
  ]);
  const myVotes: Record<string, string> = {};
  for (const poll of polls) {
    const optionId = poll.votes.get(userId);
    if (optionId !== undefined) myVotes[poll.id] = optionId;
  }
  return {
    room,
    members,
    ...messages,
    typing: typists.filter((typist) => typist !== userId),
    polls: polls.map(toPoll),
    myVotes,
    canvas,
  };
}

/**
 * The messages a joiner gets: with `since`, those after it, marked with
 * `since` so the client appends them; otherwise (or when the history no
 * longer has `since`) the recent history, unmarked, which the client merges.
 */
async function missedMessages(
  ctx: ChatContext,
  room: RoomName,
  since: string | undefined,
): Promise<Pick<RoomSnapshot, 'messages' | 'since'>> {
  const limit = ctx.options.limits.historyPerRoom;
  if (since !== undefined) {
    const after = await ctx.stores.history.after(room, since, limit);
    // A full page may not be all of it (a store that keeps more than `limit`):
    // the recent history is then the safer answer, with no gap at its end.
    if (after !== undefined && after.length < limit) return { messages: after, since };
  }
  return { messages: await ctx.stores.history.recent(room, limit) };
}
