import type {
  CanvasStroke,
  ChatMessage,
  Member,
  Poll,
  RoomName,
  RoomSummary,
  Session,
  UserId,
  Whisper,
} from '../protocol/index.ts';
import { record } from './records.ts';

/**
 * Where the connection stands:
 * - `idle`: `connect()` has not been called yet;
 * - `connecting`: the first connection is being made;
 * - `connected`: the server accepted us and sent our session;
 * - `reconnecting`: the connection dropped and the client is retrying (with
 *   backoff), or is back but still re-joining its rooms and catching up;
 * - `disconnected`: closed for good (by `close()`, the server, or a refused connection).
 *
 * @example
 * const label: Record<ConnectionStatus, string> = {
 *   idle: '', connecting: 'Connecting…', connected: 'Online',
 *   reconnecting: 'Reconnecting…', disconnected: 'Offline',
 * };
 */
export type ConnectionStatus =
  | 'idle'
  | 'connecting'
  | 'connected'
  | 'reconnecting'
  | 'disconnected';

/**
 * What the client knows about one room it is in. Filled from the join
 * snapshot, then kept current by the server's events.
 *
 * @example
 * const room = client.state.rooms.general;
 * const typists = room?.members.filter((member) => room.typing.includes(member.userId));
 */
export interface RoomState {
  /** Everyone in the room, one entry per user (several tabs are one member). */
  readonly members: readonly Member[];
  /** The most recent messages, oldest first, at most `limits.historyPerRoom`. */
  readonly messages: readonly ChatMessage[];
  /** Who is typing now, yourself left out. */
  readonly typing: readonly UserId[];
  /** The room's polls, oldest first, at most `limits.pollsPerRoom`. */
  readonly polls: readonly Poll[];
  /** Your own vote in each poll you voted in: poll id → option id. */
  readonly myVotes: Readonly<Record<string, string>>;
  /** The shared canvas, oldest segment first, at most `limits.canvasSegmentsPerRoom`. */
  readonly canvas: readonly CanvasStroke[];
}

/**
 * Everything a {@link ChatClient} knows, as one immutable snapshot.
 *
 * Never changed in place: every change makes a new object and shares the
 * parts that did not change, so `previous !== next` tells a UI to re-render
 * and `previous.rooms.general === next.rooms.general` tells it that room
 * did not change (this is what React's `useSyncExternalStore` wants).
 *
 * @example
 * const general = client.state.rooms.general;
 * if (general) render(general.messages);
 */
export interface ChatState {
  /** Where the connection stands. */
  readonly connection: ConnectionStatus;
  /** Who you are, once the server has said so; `null` before the first connection. */
  readonly session: Session | null;
  /**
   * Every room on the server and its member count, joined or not: filled by
   * `listRooms()`, and kept current after `watchRoomCounts()`.
   */
  readonly roomCounts: readonly RoomSummary[];
  /** The rooms you are in, by name. */
  readonly rooms: Readonly<Record<RoomName, RoomState>>;
  /** Whispers you sent and received, oldest first, at most {@link maxWhispers}. */
  readonly whispers: readonly Whisper[];
}

/**
 * Whispers the client keeps; older ones are dropped.
 *
 * @example
 * if (client.state.whispers.length === maxWhispers) showNote('Older whispers were dropped.');
 */
export const maxWhispers = 200;

/**
 * The state before `connect()`: what `client.state` is at first.
 *
 * @example
 * const state = changes.reduce(reduceChatState, initialChatState);
 */
export const initialChatState: ChatState = {
  connection: 'idle',
  session: null,
  roomCounts: [],
  rooms: record(),
  whispers: [],
};
