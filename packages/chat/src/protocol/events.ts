import type { ChatErrorPayload } from './chat-error.ts';
import type {
  CanvasStroke,
  ChatMessage,
  Member,
  Poll,
  Reaction,
  RoomName,
  RoomSnapshot,
  RoomSummary,
  Session,
  UserId,
  Whisper,
} from './models.ts';
import type { ClientPayload } from './schemas.ts';

/**
 * What the server answers to every client→server event: `{ ok: true, …result }`
 * or `{ ok: false, error: { code, message } }`.
 *
 * @example
 * socket.emit('room:leave', { room: 'general' }, (result: AckResult) => {
 *   if (!result.ok) console.warn(result.error.code, result.error.message);
 * });
 */
// biome-ignore lint/complexity/noBannedTypes: `{}` is "no extra fields" here, which is what we mean
export type AckResult<T extends object = {}> =
  | ({
      /** The event succeeded; the result's fields sit next to this one. */
      ok: true;
    } & T)
  | {
      /** The event was refused or failed; nothing changed on the server. */
      ok: false;
      /** What went wrong: a code to check and a message to show. */
      error: ChatErrorPayload;
    };

/**
 * The acknowledgement callback of a client→server event.
 *
 * @example
 * const onPoll: Ack<{ poll: Poll }> = (result) => {
 *   if (result.ok) console.log(result.poll.question);
 * };
 * socket.emit('poll:vote', { pollId, optionId }, onPoll);
 */
// biome-ignore lint/complexity/noBannedTypes: see AckResult
export type Ack<T extends object = {}> = (result: AckResult<T>) => void;

/**
 * Events a client sends. Each takes a payload (validated on the server with
 * `clientPayloadSchemas`) and an optional acknowledgement callback.
 *
 * @example
 * import { io, type Socket } from 'socket.io-client';
 *
 * const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io('http://localhost:3000', {
 *   auth: { nickname: 'ada' },
 * });
 * socket.emit('message:send', { room: 'general', text: 'hello' }, (result) => {
 *   if (!result.ok) console.warn(result.error.message);
 * });
 */
export interface ClientToServerEvents {
  /**
   * Lists the rooms and their member counts. `watch: true` also subscribes
   * this socket to `room:counts` (coalesced: at most one per
   * `limits.roomCountsIntervalMs`), `watch: false` ends that; without
   * `watch` the subscription stays as it is.
   */
  'room:list': (payload: ClientPayload<'room:list'>, ack?: Ack<{ rooms: RoomSummary[] }>) => void;
  /**
   * Joins a room (this socket); answers with the room's snapshot. `since`,
   * the id of the newest message the client already holds (after a
   * reconnection), asks for only what came after it: see `RoomSnapshot.since`.
   */
  'room:join': (payload: ClientPayload<'room:join'>, ack?: Ack<{ snapshot: RoomSnapshot }>) => void;
  /** Leaves a room (this socket). */
  'room:leave': (payload: ClientPayload<'room:leave'>, ack?: Ack) => void;
  /** Leaves every room this socket is in and joins `room`. */
  'room:switch': (
    payload: ClientPayload<'room:switch'>,
    ack?: Ack<{ snapshot: RoomSnapshot }>,
  ) => void;
  /** Sends a message to a room you are in. */
  'message:send': (
    payload: ClientPayload<'message:send'>,
    ack?: Ack<{ message: ChatMessage }>,
  ) => void;
  /** Sends a private message to one connected user, by user id. */
  'whisper:send': (payload: ClientPayload<'whisper:send'>, ack?: Ack<{ whisper: Whisper }>) => void;
  /** Says you are typing in a room; repeat at least every `limits.typingTimeoutMs`. */
  'typing:start': (payload: ClientPayload<'typing:start'>, ack?: Ack) => void;
  /** Says you stopped typing. */
  'typing:stop': (payload: ClientPayload<'typing:stop'>, ack?: Ack) => void;
  /** Creates a poll in a room you are in. */
  'poll:create': (payload: ClientPayload<'poll:create'>, ack?: Ack<{ poll: Poll }>) => void;
  /** Votes; voting again moves your vote. */
  'poll:vote': (payload: ClientPayload<'poll:vote'>, ack?: Ack<{ poll: Poll }>) => void;
  /** Closes a poll you created. */
  'poll:close': (payload: ClientPayload<'poll:close'>, ack?: Ack<{ poll: Poll }>) => void;
  /** Adds your reaction, or removes it if you already reacted with that emoji. */
  'reaction:toggle': (
    payload: ClientPayload<'reaction:toggle'>,
    ack?: Ack<{ reactions: Reaction[] }>,
  ) => void;
  /** Draws one segment on a room's canvas. */
  'canvas:draw': (payload: ClientPayload<'canvas:draw'>, ack?: Ack) => void;
  /** Clears a room's canvas for everyone. */
  'canvas:clear': (payload: ClientPayload<'canvas:clear'>, ack?: Ack) => void;
}

/**
 * Events the server sends.
 *
 * @example
 * socket.on('message:new', (message) => console.log(`${message.nickname}: ${message.text}`));
 * socket.on('chat:error', ({ event, error }) => console.warn(`${event} failed: ${error.message}`));
 */
export interface ServerToClientEvents {
  /** Who you are; sent on every (re)connection. */
  session: (session: Session) => void;
  /**
   * Every room and its member count, to sockets that asked with
   * `room:list { watch: true }` only, at most once per
   * `limits.roomCountsIntervalMs` however many joins and leaves happened.
   */
  'room:counts': (payload: { rooms: RoomSummary[] }) => void;
  /** Who joined and who left a room you are in, since the last diff. */
  'presence:diff': (payload: { room: RoomName; joined: Member[]; left: UserId[] }) => void;
  /** A new message in a room you are in, your own included. */
  'message:new': (message: ChatMessage) => void;
  /** Reaches only the sender's and the recipient's sockets. */
  'whisper:new': (whisper: Whisper) => void;
  /** Who is typing in a room; your own typing is left out of what you receive. */
  'typing:update': (payload: { room: RoomName; userIds: UserId[] }) => void;
  /** A poll was created in a room you are in. */
  'poll:new': (poll: Poll) => void;
  /** A poll's counts changed, or it was closed; the whole poll, not a diff. */
  'poll:update': (poll: Poll) => void;
  /** Your own vote in a poll, sent only to your sockets; `null` when you have none. */
  'poll:my-vote': (payload: { pollId: string; optionId: string | null }) => void;
  /** A message's reactions changed; `reactions` is the full list now. */
  'reaction:update': (payload: {
    room: RoomName;
    messageId: string;
    reactions: Reaction[];
  }) => void;
  /** A segment somebody else drew. */
  'canvas:segment': (payload: { room: RoomName; stroke: CanvasStroke }) => void;
  /** Somebody (`by`) cleared a room's canvas. */
  'canvas:cleared': (payload: { room: RoomName; by: UserId }) => void;
  /** An error for an event that was sent without an acknowledgement callback. */
  'chat:error': (payload: { event: string; error: ChatErrorPayload }) => void;
}

/**
 * Events between server processes (none yet: a Redis adapter would add some).
 *
 * @example
 * import { Server } from 'socket.io';
 *
 * const io = new Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>(
 *   httpServer,
 * );
 */
// biome-ignore lint/suspicious/noEmptyInterface: kept for the Server<…> type parameters
export interface InterServerEvents {}

/**
 * What the server keeps on each socket (`socket.data`).
 *
 * @example
 * io.on('connection', (socket) => {
 *   const { userId, nickname }: SocketData = socket.data;
 *   console.log(`${nickname} (${userId}) connected`);
 * });
 */
export interface SocketData {
  /** The user this socket belongs to, set once the handshake is accepted. */
  userId: UserId;
  /** That user's nickname, normalised. */
  nickname: string;
}
