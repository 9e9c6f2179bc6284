import type { RoomName } from '../protocol/index.ts';
import { appendBounded, hasId } from './bounded.ts';
import type { ChatChange } from './chat-change.ts';
import { type ChatState, maxWhispers, type RoomState } from './chat-state.ts';
import { withKey, withoutKey } from './records.ts';
import {
  addMessage,
  addStroke,
  applyPresence,
  clearCanvas,
  setMyVote,
  setReactions,
  setTyping,
  upsertPoll,
} from './room-reducers.ts';

/**
 * The client's whole state machine: the next state after `change`. Returns
 * the same `state` object when the change changes nothing (a replayed message,
 * an event for a room we already left), so the client can stay quiet.
 *
 * @example
 * const next = reduceChatState(state, { type: 'message', room: 'general', message });
 * if (next !== state) render(next);
 */
export function reduceChatState(state: ChatState, change: ChatChange): ChatState {
  switch (change.type) {
    case 'connection':
      return state.connection === change.connection
        ? state
        : { ...state, connection: change.connection };
    case 'session':
      return { ...state, session: change.session };
    case 'room-counts':
      return { ...state, roomCounts: change.rooms };
    case 'joined':
      return { ...state, rooms: withKey(state.rooms, change.room, change.state) };
    case 'left': {
      const rooms = withoutKey(state.rooms, change.room);
      return rooms === state.rooms ? state : { ...state, rooms };
    }
    case 'presence':
      return updateRoom(state, change.room, (room) =>
        applyPresence(room, change.joined, change.left),
      );
    case 'message':
      return updateRoom(state, change.room, (room) => addMessage(room, change.message));
    case 'typing':
      return updateRoom(state, change.room, (room) => setTyping(room, change.userIds));
    case 'poll':
      return updateRoom(state, change.room, (room) => upsertPoll(room, change.poll));
    case 'my-vote':
      return updateRoom(state, change.room, (room) =>
        setMyVote(room, change.pollId, change.optionId),
      );
    case 'reactions':
      return updateRoom(state, change.room, (room) =>
        setReactions(room, change.messageId, change.reactions),
      );
    case 'canvas-segment':
      return updateRoom(state, change.room, (room) => addStroke(room, change.stroke));
    case 'canvas-cleared':
      return updateRoom(state, change.room, clearCanvas);
    case 'whisper':
      if (hasId(state.whispers, change.whisper.id)) return state;
      return { ...state, whispers: appendBounded(state.whispers, change.whisper, maxWhispers) };
  }
}

/** The name of the room that holds poll `pollId`, if we are in it. */
export function roomOfPoll(state: ChatState, pollId: string): RoomName | undefined {
  return Object.keys(state.rooms).find((name) =>
    state.rooms[name]?.polls.some((poll) => poll.id === pollId),
  );
}

function updateRoom(
  state: ChatState,
  name: RoomName,
  update: (room: RoomState) => RoomState,
): ChatState {
  const room = Object.hasOwn(state.rooms, name) ? state.rooms[name] : undefined;
  if (!room) return state;
  const next = update(room);
  return next === room ? state : { ...state, rooms: withKey(state.rooms, name, next) };
}
