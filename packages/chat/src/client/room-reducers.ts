import {
  type CanvasStroke,
  type ChatMessage,
  limits,
  type Member,
  type Poll,
  type Reaction,
  type RoomSnapshot,
  type UserId,
} from '../protocol/index.ts';
import { appendBounded, hasId, keepNewest, upsertById } from './bounded.ts';
import type { RoomState } from './chat-state.ts';
import { record, withKey, withoutKey } from './records.ts';

// Pure functions from a room's state and one server event to the room's next
// state. Each returns the very same object when nothing changed, which is how
// the client knows not to announce a change (e.g. a replayed message).

/**
 * The name a room is kept under in `state.rooms`: what the server makes of a
 * name (trimmed, lower-case), so `'General'` finds `general`.
 */
export function roomKey(room: string): string {
  return room.trim().toLowerCase();
}

/** A room's state from the snapshot in a `room:join` or `room:switch` ack. */
export function roomStateFromSnapshot(snapshot: RoomSnapshot): RoomState {
  return {
    members: snapshot.members,
    messages: keepNewest(snapshot.messages, limits.historyPerRoom),
    typing: snapshot.typing,
    polls: keepNewest(snapshot.polls, limits.pollsPerRoom),
    myVotes: record(snapshot.myVotes),
    canvas: keepNewest(snapshot.canvas, limits.canvasSegmentsPerRoom),
  };
}

/** Applies a `presence:diff`: drops who left, adds (or refreshes) who joined. */
export function applyPresence(room: RoomState, joined: Member[], left: UserId[]): RoomState {
  if (joined.length === 0 && left.length === 0) return room;
  const replaced = new Set([...left, ...joined.map((member) => member.userId)]);
  const stayed = room.members.filter((member) => !replaced.has(member.userId));
  // Somebody who leaves stops typing, whatever the last typing:update said.
  const leftIds = new Set(left);
  const typing = room.typing.filter((userId) => !leftIds.has(userId));
  return {
    ...room,
    members: [...stayed, ...joined],
    typing: typing.length === room.typing.length ? room.typing : typing,
  };
}

/** Adds a message unless the room already has one with its id (a replay). */
export function addMessage(room: RoomState, message: ChatMessage): RoomState {
  if (hasId(room.messages, message.id)) return room;
  return { ...room, messages: appendBounded(room.messages, message, limits.historyPerRoom) };
}

/** Replaces who is typing. */
export function setTyping(room: RoomState, userIds: UserId[]): RoomState {
  if (sameItems(room.typing, userIds)) return room;
  return { ...room, typing: userIds };
}

/** Adds a new poll or replaces an updated one. */
export function upsertPoll(room: RoomState, poll: Poll): RoomState {
  return { ...room, polls: upsertById(room.polls, poll, limits.pollsPerRoom) };
}

/** Records your own vote; `null` removes it. */
export function setMyVote(room: RoomState, pollId: string, optionId: string | null): RoomState {
  const current = Object.hasOwn(room.myVotes, pollId) ? room.myVotes[pollId] : undefined;
  if ((current ?? null) === optionId) return room;
  const myVotes =
    optionId === null ? withoutKey(room.myVotes, pollId) : withKey(room.myVotes, pollId, optionId);
  return { ...room, myVotes };
}

/** Replaces a message's reactions; a message no longer in the history is ignored. */
export function setReactions(room: RoomState, messageId: string, reactions: Reaction[]): RoomState {
  const index = room.messages.findIndex((message) => message.id === messageId);
  const message = room.messages[index];
  if (!message) return room;
  return { ...room, messages: room.messages.with(index, { ...message, reactions }) };
}

/** Adds a segment to the canvas. */
export function addStroke(room: RoomState, stroke: CanvasStroke): RoomState {
  return {
    ...room,
    canvas: appendBounded(room.canvas, stroke, limits.canvasSegmentsPerRoom),
  };
}

/** Empties the canvas. */
export function clearCanvas(room: RoomState): RoomState {
  return room.canvas.length === 0 ? room : { ...room, canvas: [] };
}

function sameItems(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}
