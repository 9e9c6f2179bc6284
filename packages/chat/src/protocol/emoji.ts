/**
 * The reactions a member can add to a message. A fixed set keeps the counts
 * small and makes an emoji a safe value to render anywhere.
 *
 * @example
 * const buttons = reactionEmoji.map((emoji) => ({ emoji, label: `React with ${emoji}` }));
 */
export const reactionEmoji = ['👍', '❤️', '😂', '🎉', '😮', '😢'] as const;

/**
 * One of {@link reactionEmoji}.
 *
 * @example
 * const emoji: ReactionEmoji = '👍';
 * await client.react('general', message.id, emoji);
 */
export type ReactionEmoji = (typeof reactionEmoji)[number];
