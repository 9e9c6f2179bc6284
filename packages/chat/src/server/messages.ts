import { ChatError, type ChatMessage, readableIssues, textSchema } from '../protocol/index.ts';
import { type ChatContext, isoNow } from './context.ts';
import type { Feature } from './handle-event.ts';
import { requireMembership } from './internal-rooms.ts';
import { newId } from './new-id.ts';
import type { ChatSocket } from './types.ts';

/**
 * `message:send`: a member's message to a room. Everything but the text is
 * the server's: id, timestamp, user id and nickname (the schema refuses any
 * such field from the client). The `beforeMessage` hook may rewrite or reject
 * it before anybody sees it. The message goes to everyone in the room, the
 * sender's own tabs included, and into the room's bounded history.
 */
export const sendMessage: Feature<'message:send'> = async (ctx, socket, { room, text }) => {
  requireMembership(socket, room);
  const { userId, nickname } = socket.data;
  const message: ChatMessage = {
    id: newId(),
    room,
    userId,
    nickname,
    text: await moderate(ctx, socket, room, text),
    timestamp: isoNow(ctx),
    reactions: [],
  };
  await ctx.stores.history.append(room, message, ctx.options.limits.historyPerRoom);
  await ctx.typing.stop(room, userId);
  ctx.io.to(room).emit('message:new', message);
  return { message };
};

async function moderate(
  ctx: ChatContext,
  socket: ChatSocket,
  room: string,
  text: string,
): Promise<string> {
  const hook = ctx.options.hooks.beforeMessage;
  if (!hook) return text;
  const { userId, nickname } = socket.data;
  const verdict = await hook({ room, text, user: { userId, nickname } });
  if ('reject' in verdict) {
    throw new ChatError('rejected', verdict.reject || 'The message was refused.');
  }
  // A rewrite must still be a valid message; a hook that breaks that is a server bug (→ internal).
  const rewritten = textSchema.safeParse(verdict.text, readableIssues);
  if (!rewritten.success) {
    throw new Error(`beforeMessage returned an invalid text: ${rewritten.error.message}`);
  }
  return rewritten.data;
}
