import type {
  CanvasStroke,
  ChatMessage,
  Member,
  Poll,
  Reaction,
  RoomName,
  RoomSummary,
  Session,
  UserId,
  Whisper,
} from '../protocol/index.ts';
import type { ConnectionStatus, RoomState } from './chat-state.ts';

/**
 * What changed, passed with the new state to every `change` listener. A UI
 * can re-render from the state alone; the change is for side effects such as
 * a sound on a new message or a notification for a whisper.
 *
 * Only real changes are reported: a message that arrives twice (a replay after
 * a reconnection) changes nothing and fires nothing.
 *
 * @example
 * client.on('change', (state, change) => {
 *   if (change.type === 'message' && change.message.userId !== state.session?.userId) ping();
 * });
 */
export type ChatChange =
  | { type: 'connection'; connection: ConnectionStatus }
  | { type: 'session'; session: Session }
  | { type: 'room-counts'; rooms: RoomSummary[] }
  /** You joined a room, or its state was refreshed after a reconnection. */
  | { type: 'joined'; room: RoomName; state: RoomState }
  | { type: 'left'; room: RoomName }
  | { type: 'presence'; room: RoomName; joined: Member[]; left: UserId[] }
  | { type: 'message'; room: RoomName; message: ChatMessage }
  | { type: 'typing'; room: RoomName; userIds: UserId[] }
  /** A poll was created, voted in or closed. */
  | { type: 'poll'; room: RoomName; poll: Poll }
  | { type: 'my-vote'; room: RoomName; pollId: string; optionId: string | null }
  | { type: 'reactions'; room: RoomName; messageId: string; reactions: Reaction[] }
  | { type: 'canvas-segment'; room: RoomName; stroke: CanvasStroke }
  | { type: 'canvas-cleared'; room: RoomName; by: UserId }
  | { type: 'whisper'; whisper: Whisper };

/**
 * The `type` of a {@link ChatChange}.
 *
 * @example
 * const sounds: Partial<Record<ChatChangeType, string>> = { message: 'pop.mp3', whisper: 'ding.mp3' };
 */
export type ChatChangeType = ChatChange['type'];
