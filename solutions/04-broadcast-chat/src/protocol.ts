/**
 * The wire contract of demo 4: which events travel between browser and server,
 * and what each one carries. Both sides import these types, so TypeScript
 * checks every `emit` and every `on` against the same list.
 *
 * | direction              | event             | payload                                  |
 * |------------------------|-------------------|------------------------------------------|
 * | server → client        | `message_history` | `{ messages }` — sent once, on connect   |
 * | client → server        | `send_message`    | `{ text }`, with an ack                  |
 * | server → all clients   | `new_message`     | `{ id, text, timestamp }`                |
 */

/** The longest message the server accepts, in characters, after trimming spaces. */
export const MAX_MESSAGE_LENGTH = 500;

/** How many of the most recent messages the server keeps and sends to a newcomer. */
export const HISTORY_LIMIT = 100;

/** One chat message, as the server stored it. */
export interface Message {
  /** Made by the server (`crypto.randomUUID()`), unique. */
  id: string;
  /** 1 to 500 characters, trimmed. */
  text: string;
  /** When the server received it, as an ISO 8601 string (e.g. `2025-01-31T09:15:00.000Z`). */
  timestamp: string;
}

/** The messages so far (the last 100, oldest first), sent to each client as it connects. */
export interface MessageHistoryPayload {
  messages: Message[];
}

/** What the browser sends to post a message. Only `text`: the server adds the rest. */
export interface SendMessagePayload {
  /** 1 to 500 characters after trimming. */
  text: string;
}

/**
 * Why the server refused a payload. A closed set of strings (a string-literal
 * union), so the browser can `switch` over it and TypeScript knows every case.
 */
export type ErrorCode =
  /** A field is missing, has the wrong type, is empty or is too long. */
  | 'invalid_payload'
  /** This connection sent too many events too quickly; wait a moment. */
  | 'rate_limited';

/** The answer to a refused request. */
export interface AckError {
  ok: false;
  error: { code: ErrorCode; message: string };
}

/**
 * The answer to `send_message`, delivered through the acknowledgement callback
 * (the function the client passes as the last argument of `emit`).
 */
export type SendMessageAck = { ok: true } | AckError;

/** Events the server sends and the browser listens to. */
export interface ServerToClientEvents {
  message_history: (payload: MessageHistoryPayload) => void;
  new_message: (message: Message) => void;
}

/** Events the browser sends and the server listens to. */
export interface ClientToServerEvents {
  send_message: (payload: SendMessagePayload, ack: (result: SendMessageAck) => void) => void;
}
