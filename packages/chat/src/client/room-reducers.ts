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

/**
 * A room's state after re-joining it (a reconnection the server could not
 * recover): everything from the new snapshot, except the messages, which are
 * the ones we held merged with the ones the snapshot brings, each once and in
 * order (see {@link mergeMessages}).
 */
export function rejoinedRoomState(held: RoomState, snapshot: RoomSnapshot): RoomState {
  return {
    ...roomStateFromSnapshot(snapshot),
    messages: mergeMessages(held.messages, snapshot.messages, snapshot.since),
  };
}

/**
 * The messages we `held` with those a re-join brought (`incoming`), each
 * exactly once, in the order they were sent, the newest
 * `limits.historyPerRoom` kept. A message in both is taken from `incoming`
 * (its reactions are newer).
 *
 * - With `since` (the server had the newest message we held), `incoming` is
 *   what came after it: it goes right after `since`, before anything that
 *   reached us live while the re-join was on its way.
 * - Without it, `incoming` is the server's recent history, which may overlap
 *   ours, or (after a restart that lost the history) share nothing with it:
 *   the two are merged by timestamp, the server's order kept among its own.
 */
export function mergeMessages(
  held: readonly ChatMessage[],
  incoming: readonly ChatMessage[],
  since?: string,
): readonly ChatMessage[] {
  const incomingIds = new Set(incoming.map((message) => message.id));
  const kept = held.filter((message) => !incomingIds.has(message.id));
  const anchor = since === undefined ? -1 : kept.findIndex((message) => message.id === since);
  const merged =
    anchor === -1
      ? mergeByTime(kept, incoming)
      : [...kept.slice(0, anchor + 1), ...incoming, ...kept.slice(anchor + 1)];
  return keepNewest(merged, limits.historyPerRoom);
}

/** Two lists, each oldest first, as one; on equal timestamps `incoming` goes first. */
function mergeByTime(
  kept: readonly ChatMessage[],
  incoming: readonly ChatMessage[],
): ChatMessage[] {
  const merged: ChatMessage[] = [];
  let k = 0;
  let i = 0;
  while (k < kept.length || i < incoming.length) {
    const older = kept[k];
    const newer = incoming[i];
    // ISO 8601 timestamps from the server compare correctly as strings.
    if (older && (!newer || older.timestamp < newer.timestamp)) {
      merged.push(older);
      k += 1;
    } else if (newer) {
      merged.push(newer);
      i += 1;
    }
  }
  return merged;
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
