/**
 * The wire contract of demo 5: which events travel between browser and server,
 * and what each one carries. Both sides import these types, so TypeScript
 * checks every `emit` and every `on` against the same list.
 *
 * | direction              | event                       | payload                                            |
 * |------------------------|-----------------------------|----------------------------------------------------|
 * | client → server        | `join_chat`                 | `{ nickname }`, ack `{ ok: true, user }` or an error |
 * | server → the joiner    | `message_history`           | `{ messages }` — right after a successful join     |
 * | server → all clients   | `user_joined` / `user_left` | `{ type: 'system', text, timestamp, userCount }`   |
 * | server → all clients   | `user_list_update`          | `{ users: [{ id, nickname, joinedAt }] }`          |
 * | client → server        | `send_message`              | `{ text }`, with an ack; refused before joining    |
 * | server → all clients   | `new_message`               | `{ id, type: 'user', text, nickname, userId, timestamp }` |
 */

/** The longest message the server accepts, in characters, after trimming spaces. */
export const MAX_MESSAGE_LENGTH = 500;

/** The longest nickname the server accepts, in characters, after trimming spaces. */
export const MAX_NICKNAME_LENGTH = 32;

/** How many of the most recent messages the server keeps and sends to a newcomer. */
export const HISTORY_LIMIT = 100;

/** Someone who has joined the chat, as the server recorded them. */
export interface User {
  /** Made by the server (`crypto.randomUUID()`) when this user joined. */
  id: string;
  /** 1 to 32 characters, trimmed; no two users share one, whatever the case. */
  nickname: string;
  /** When they joined, as an ISO 8601 string. */
  joinedAt: string;
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
}

/** A line from the server itself: someone joined or left. */
export interface SystemMessage {
  type: 'system';
  /** E.g. `Alice joined the chat`. */
  text: string;
  /** ISO 8601, from the server's clock. */
  timestamp: string;
  /** How many users are in the chat now, after this join or leave. */
  userCount: number;
}

/** What the browser sends to join. */
export interface JoinChatPayload {
  /** 1 to 32 characters after trimming. */
  nickname: string;
}

/** The messages so far (the last 100, oldest first), sent to each user as they join. */
export interface MessageHistoryPayload {
  messages: Message[];
}

/** Everyone in the chat now, in the order they joined. */
export interface UserListPayload {
  users: User[];
}

/** What the browser sends to post a message. Only `text`: the server adds the rest. */
export interface SendMessagePayload {
  /** 1 to 500 characters after trimming. */
  text: string;
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
  /** Someone in the chat already uses this nickname (compared ignoring case). */
  | 'nickname_taken'
  /** This connection has already joined; one connection is one user. */
  | 'already_joined'
  /** Join the chat with `join_chat` before sending messages. */
  | 'not_joined'
  /** This connection sent too many events too quickly; wait a moment. */
  | 'rate_limited';

/** The answer to a refused request. */
export interface AckError {
  ok: false;
  error: { code: ErrorCode; message: string };
}

/** The answer to `join_chat`: the server's record of you, or why not. */
export type JoinAck = { ok: true; user: User } | AckError;

/** The answer to `send_message`. */
export type SendMessageAck = { ok: true } | AckError;

/** Events the server sends and the browser listens to. */
export interface ServerToClientEvents {
  message_history: (payload: MessageHistoryPayload) => void;
  new_message: (message: Message) => void;
  user_joined: (event: SystemMessage) => void;
  user_left: (event: SystemMessage) => void;
  user_list_update: (payload: UserListPayload) => void;
}

/** Events the browser sends and the server listens to. */
export interface ClientToServerEvents {
  join_chat: (payload: JoinChatPayload, ack: (result: JoinAck) => void) => void;
  send_message: (payload: SendMessagePayload, ack: (result: SendMessageAck) => void) => void;
}
