import { ChatError } from '../protocol/index.ts';
import { inOrder } from './cluster.ts';
import type { ChatContext } from './context.ts';
import { isoNow } from './context.ts';
import type { Feature } from './handle-event.ts';
import { requireMembership, userRoom } from './internal-rooms.ts';
import { newId } from './new-id.ts';
import { type PollRecord, toPoll } from './stores/poll-store.ts';

// Counts are public, votes are not: `poll:update` carries counts only, and a
// voter learns their own vote through `poll:my-vote`, sent to their tabs alone.

/** `poll:create`: a member opens a poll in a room they are in. */
export const createPoll: Feature<'poll:create'> = async (ctx, socket, payload) => {
  requireMembership(socket, payload.room);
  const { userId, nickname } = socket.data;
  const record: PollRecord = {
    id: newId(),
    room: payload.room,
    question: payload.question,
    options: payload.options.map((text) => ({ id: newId(), text })),
    creator: { userId, nickname },
    createdAt: isoNow(ctx),
    closed: false,
    votes: new Map(),
  };
  await ctx.stores.polls.add(record, ctx.options.limits.pollsPerRoom);
  const poll = toPoll(record);
  ctx.io.to(poll.room).emit('poll:new', poll);
  return { poll };
};

/**
 * `poll:vote`: one vote per user, whichever tab it comes from. Voting for
 * another option moves the vote; voting again for the same option changes
 * nothing (no toggling off, so a double click cannot undo a vote).
 */
export const votePoll: Feature<'poll:vote'> = async (ctx, socket, { pollId, optionId }) => {
  const current = await findPoll(ctx, pollId);
  requireMembership(socket, current.room);
  if (current.closed)
    throw new ChatError('poll_closed', `The poll '${current.question}' is closed.`);
  if (!current.options.some((option) => option.id === optionId)) {
    const expected = current.options.map((option) => option.id).join(', ');
    throw new ChatError(
      'unknown_option',
      `The poll has no option '${optionId}'; expected one of ${expected}.`,
    );
  }
  const { userId } = socket.data;
  if (current.votes.get(userId) === optionId) return { poll: toPoll(current) };
  return inOrder(ctx.options.cluster, `poll:${pollId}`, async () => {
    const updated = (await ctx.stores.polls.vote(pollId, userId, optionId)) ?? current;
    const poll = toPoll(updated);
    ctx.io.to(poll.room).emit('poll:update', poll);
    ctx.io.to(userRoom(userId)).emit('poll:my-vote', {
      pollId,
      optionId: updated.votes.get(userId) ?? null,
    });
    return { poll };
  });
};

/** `poll:close`: the poll's creator ends voting; closing it again does nothing. */
export const closePoll: Feature<'poll:close'> = async (ctx, socket, { pollId }) => {
  const current = await findPoll(ctx, pollId);
  if (current.creator.userId !== socket.data.userId) {
    throw new ChatError(
      'not_poll_creator',
      `Only ${current.creator.nickname}, who created this poll, can close it.`,
    );
  }
  if (current.closed) return { poll: toPoll(current) };
  return inOrder(ctx.options.cluster, `poll:${pollId}`, async () => {
    const poll = toPoll((await ctx.stores.polls.close(pollId)) ?? current);
    ctx.io.to(poll.room).emit('poll:update', poll);
    return { poll };
  });
};

async function findPoll(ctx: ChatContext, pollId: string): Promise<PollRecord> {
  const poll = await ctx.stores.polls.get(pollId);
  if (!poll) throw new ChatError('unknown_poll', `No poll has the id '${pollId}'.`);
  return poll;
}
