/**
 * The wire contract of demo 6: which events travel between browser and server,
 * and what each one carries. Both sides import these types, so TypeScript
 * checks every `emit` and every `on` against the same list.
 *
 * | direction                    | event                       | payload                                              |
 * |------------------------------|-----------------------------|------------------------------------------------------|
 * | server → client on connect   | `room_list_update`          | `{ rooms: [{ name, userCount }] }` — again on every change, to all |
 * | client → server              | `join_room`                 | `{ nickname, room }`, ack `{ ok: true, user, room }` or an error |
 * | client → server              | `switch_room`               | `{ room }`, ack `{ ok: true, room }` — who and from where is the server's record |
 * | server → the joiner          | `message_history`           | `{ room, messages }` — on join and on every switch   |
 * | server → the room            | `user_joined` / `user_left` | `{ type: 'system', text, timestamp, userCount, room }` |
 * | server → the room            | `user_list_update`          | `{ room, users }`                                    |
 * | client → server              | `send_message`              | `{ text }`, with an ack; refused before joining      |
 * | server → the sender's room   | `new_message`               | `{ id, type: 'user', text, nickname, userId, timestamp, room }` |
 * | client → server              | `send_whisper`              | `{ to: nickname, text }`, with an ack                |
 * | server → sender + recipient  | `private_message`           | `{ type: 'whisper', text, from, to, timestamp }`     |
 * | client → server              | `typing_start` / `typing_stop` | nothing; an ack, if sent, gets `{ ok: true }`     |
 * | server → the room but the typist | `typing_update`         | `{ room, users: nickname[] }` — and to you on entering a room |
 */

/** The longest message or whisper the server accepts, in characters, after trimming spaces. */
export const MAX_MESSAGE_LENGTH = 500;

/** The longest nickname the server accepts, in characters, after trimming spaces. */
export const MAX_NICKNAME_LENGTH = 32;

/** How many of the most recent messages each room keeps and sends to a newcomer. */
export const HISTORY_LIMIT = 100;

/**
 * The rooms of this server. The server decides which rooms exist: a name that
 * is not in this list is refused with `unknown_room`, never mapped to another room.
 * `as const` makes the type `readonly ['general', 'random', 'tech']` instead of
 * `string[]`, so {@link RoomName} below is exactly these three strings.
 */
export const ROOMS = ['general', 'random', 'tech'] as const;

/** One of {@link ROOMS}: `'general' | 'random' | 'tech'`. */
export type RoomName = (typeof ROOMS)[number];

/** The server forgets a typist after this long without a new `typing_start`, in ms. */
export const TYPING_TIMEOUT_MS = 5000;

/** The browser sends `typing_start` at most this often while you keep typing, in ms. */
export const TYPING_THROTTLE_MS = 2000;

/** Someone who has joined, as the server recorded them. */
export interface User {
  /** Made by the server (`crypto.randomUUID()`) when this user joined. */
  id: string;
  /** 1 to 32 characters, trimmed; no two users share one, whatever the case or the room. */
  nickname: string;
  /** When they joined, as an ISO 8601 string. */
  joinedAt: string;
  /** The room they are in now. Only the server changes it (on `switch_room`). */
  room: RoomName;
}

/** One chat message, as the server stored it. */
export interface Message {
  /** Made by the server (`crypto.randomUUID()`), unique. */
  id: string;
  /** Tells a user's message from a system line (`SystemMessage`). */
  type: 'user';
  /** 1 to 500 characters, trimmed. */
  text: string;
  /** The sender's nickname, from the server's record of who sent it (never from the payload). */
  nickname: string;
  /** The sender's `User.id`. */
  userId: string;
  /** When the server received it, as an ISO 8601 string (e.g. `2025-01-31T09:15:00.000Z`). */
  timestamp: string;
  /** The room it was said in: the sender's room on the server, not one the payload names. */
  room: RoomName;
}

/** A line from the server itself: someone came into the room or left it. */
export interface SystemMessage {
  type: 'system';
  /** E.g. `Alice joined #general`. */
  text: string;
  /** ISO 8601, from the server's clock. */
  timestamp: string;
  /** How many users are in the room now, after this join or leave. */
  userCount: number;
  /** The room this line is about. */
  room: RoomName;
}

/** A whisper: only its sender and its recipient ever receive it. */
export interface PrivateMessage {
  type: 'whisper';
  /** 1 to 500 characters, trimmed. */
  text: string;
  /** The sender's nickname, from the server's record (a `from` in the payload is ignored). */
  from: string;
  /** The recipient's nickname, spelled as they chose it. */
  to: string;
  /** ISO 8601, from the server's clock. */
  timestamp: string;
}

/** One room and how many people are in it. */
export interface RoomInfo {
  name: RoomName;
  userCount: number;
}

/** What the browser sends to join. */
export interface JoinRoomPayload {
  /** 1 to 32 characters after trimming. */
  nickname: string;
  /** One of {@link ROOMS}. */
  room: string;
}

/** What the browser sends to move. Only the new room: the server knows the rest. */
export interface SwitchRoomPayload {
  /** One of {@link ROOMS}. */
  room: string;
}

/** Every room with its head count, sent on connect and to everyone after each change. */
export interface RoomListPayload {
  rooms: RoomInfo[];
}

/** The messages of one room so far (the last 100, oldest first), sent to whoever enters it. */
export interface MessageHistoryPayload {
  room: RoomName;
  messages: Message[];
}

/** Everyone in one room now, in the order they joined. */
export interface UserListPayload {
  room: RoomName;
  users: User[];
}

/** What the browser sends to post a message. Only `text`: the server adds the rest. */
export interface SendMessagePayload {
  /** 1 to 500 characters after trimming. */
  text: string;
}

/** What the browser sends to whisper. The page turns `/w bob hi` into `{ to: 'bob', text: 'hi' }`. */
export interface SendWhisperPayload {
  /** The recipient's nickname (any case). */
  to: string;
  /** 1 to 500 characters after trimming. */
  text: string;
}

/** Who is typing in a room now (nicknames); an empty list means nobody. */
export interface TypingUpdatePayload {
  room: RoomName;
  users: string[];
}

/**
 * Why the server refused a request. A closed set of strings (a string-literal
 * union), so the browser can `switch` over it and TypeScript knows every case.
 */
export type ErrorCode =
  /** A field is missing, has the wrong type, is empty or is too long. */
  | 'invalid_payload'
  /** The nickname is missing, empty or longer than 32 characters. */
  | 'nickname_invalid'
  /** Someone already uses this nickname (compared ignoring case). */
  | 'nickname_taken'
  /** This connection has already joined; use `switch_room` to move. */
  | 'already_joined'
  /** Join a room with `join_room` first. */
  | 'not_joined'
  /** The room is not one of {@link ROOMS}. */
  | 'unknown_room'
  /** Nobody with this nickname is connected. */
  | 'unknown_user'
  /** This connection sent too many events too quickly; wait a moment. */
  | 'rate_limited';

/** The answer to a refused request. */
export interface AckError {
  ok: false;
  error: { code: ErrorCode; message: string };
}

/** The answer to `join_room`: the server's record of you and your room, or why not. */
export type JoinAck = { ok: true; user: User; room: RoomName } | AckError;

/** The answer to `switch_room`: the room you are in now, or why not. */
export type SwitchRoomAck = { ok: true; room: RoomName } | AckError;

/** The answer to `send_message` and `send_whisper`. */
export type SendMessageAck = { ok: true } | AckError;

/** The answer to `typing_start` and `typing_stop`, for a client that asks for one. */
export type TypingAck = { ok: true } | AckError;

/** Events the server sends and the browser listens to. */
export interface ServerToClientEvents {
  room_list_update: (payload: RoomListPayload) => void;
  message_history: (payload: MessageHistoryPayload) => void;
  new_message: (message: Message) => void;
  user_joined: (event: SystemMessage) => void;
  user_left: (event: SystemMessage) => void;
  user_list_update: (payload: UserListPayload) => void;
  private_message: (message: PrivateMessage) => void;
  typing_update: (payload: TypingUpdatePayload) => void;
}

/** Events the browser sends and the server listens to. */
export interface ClientToServerEvents {
  join_room: (payload: JoinRoomPayload, ack: (result: JoinAck) => void) => void;
  switch_room: (payload: SwitchRoomPayload, ack: (result: SwitchRoomAck) => void) => void;
  send_message: (payload: SendMessagePayload, ack: (result: SendMessageAck) => void) => void;
  send_whisper: (payload: SendWhisperPayload, ack: (result: SendMessageAck) => void) => void;
  /**
   * No payload: who is typing, and where, is the server's record (a payload,
   * if one is sent, is ignored). Like every event, they may carry an ack; the
   * browser sends none, because nothing waits for the answer.
   */
  typing_start: (ack?: (result: TypingAck) => void) => void;
  typing_stop: (ack?: (result: TypingAck) => void) => void;
}
