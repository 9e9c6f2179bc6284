import {
  ChatError,
  type Reaction,
  type ReactionEmoji,
  reactionEmoji,
  type UserId,
} from '../protocol/index.ts';
import { inOrder } from './cluster.ts';
import type { Feature } from './handle-event.ts';
import { requireMembership } from './internal-rooms.ts';

/**
 * `reaction:toggle`: adds the sender's reaction to a message in the room's
 * history, or removes it if they already reacted with that emoji. The
 * message keeps its reactions in history, so late joiners see them.
 */
export const toggleReaction: Feature<'reaction:toggle'> = async (ctx, socket, payload) => {
  const { room, messageId, emoji } = payload;
  requireMembership(socket, room);
  const { userId } = socket.data;
  return inOrder(ctx.options.cluster, `reactions:${room}:${messageId}`, async () => {
    const updated = await ctx.stores.history.update(room, messageId, (message) => ({
      ...message,
      reactions: toggle(message.reactions, emoji, userId),
    }));
    if (!updated) {
      throw new ChatError(
        'unknown_message',
        `No message with the id '${messageId}' is in the history of '${room}'.`,
      );
    }
    ctx.io.to(room).emit('reaction:update', { room, messageId, reactions: updated.reactions });
    return { reactions: updated.reactions };
  });
};

/** The reactions after `userId` toggles `emoji`: in the fixed emoji order, only emoji somebody uses. */
function toggle(reactions: Reaction[], emoji: ReactionEmoji, userId: UserId): Reaction[] {
  const users = new Map(reactions.map((reaction) => [reaction.emoji, reaction.userIds]));
  const current = users.get(emoji) ?? [];
  users.set(
    emoji,
    current.includes(userId) ? current.filter((id) => id !== userId) : [...current, userId],
  );
  return reactionEmoji.flatMap((each) => {
    const userIds = users.get(each);
    return userIds?.length ? [{ emoji: each, userIds }] : [];
  });
}
