import { ChatError, type Whisper } from '../protocol/index.ts';
import { isoNow } from './context.ts';
import type { Feature } from './handle-event.ts';
import { userRoom } from './internal-rooms.ts';
import { newId } from './new-id.ts';

/**
 * `whisper:send`: a private message to one connected user, by user id. It
 * reaches the recipient's tabs and the sender's tabs, and nobody else.
 * Whispering yourself is allowed: it reaches your own tabs once, like a note.
 * Whispers are not kept: an offline user cannot be whispered (`unknown_user`).
 */
export const sendWhisper: Feature<'whisper:send'> = async (ctx, socket, { to, text }) => {
  const recipient = await ctx.stores.online.get(to);
  if (!recipient) {
    throw new ChatError('unknown_user', `No connected user has the id '${to}'.`);
  }
  const { userId, nickname } = socket.data;
  const whisper: Whisper = {
    id: newId(),
    from: { userId, nickname },
    to: { userId: recipient.userId, nickname: recipient.nickname },
    text,
    timestamp: isoNow(ctx),
  };
  // One emit to both rooms: socket.io sends once to a socket that is in both.
  ctx.io.to([userRoom(userId), userRoom(recipient.userId)]).emit('whisper:new', whisper);
  return { whisper };
};
