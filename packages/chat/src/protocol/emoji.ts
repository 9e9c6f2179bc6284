/**
 * The reactions a member can add to a message. A fixed set keeps the counts
 * small and makes an emoji a safe value to render anywhere.
 */
export const reactionEmoji = ['👍', '❤️', '😂', '🎉', '😮', '😢'] as const;

/** One of {@link reactionEmoji}. */
export type ReactionEmoji = (typeof reactionEmoji)[number];
