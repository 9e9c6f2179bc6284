/**
 * The wire contract of demo 3: which events travel between browser and server,
 * and what each one carries. Both sides import these types, so TypeScript
 * checks every `emit` and every `on` against the same list.
 *
 * | direction              | event           | payload                                        |
 * |------------------------|-----------------|------------------------------------------------|
 * | server → client        | `status`        | `{ msg }` — sent once, on connect              |
 * | client → server        | `echo_message`  | `{ message, username? }`, with an ack          |
 * | server → sender only   | `echo_response` | `{ username, message, echo: true, timestamp }` |
 */

/** The longest message the server accepts, in characters, after trimming spaces. */
export const MAX_MESSAGE_LENGTH = 500;

/** The longest username the server accepts, in characters, after trimming spaces. */
export const MAX_USERNAME_LENGTH = 32;

/** The name used when the client sends no username (or only spaces). */
export const DEFAULT_USERNAME = 'Anonymous';

/** A greeting the server sends to each client as soon as it connects. */
export interface StatusPayload {
  msg: string;
}

/** What the browser sends to be echoed back. */
export interface EchoMessagePayload {
  /** 1 to 500 characters after trimming. */
  message: string;
  /** Optional, at most 32 characters after trimming; `'Anonymous'` when left out. */
  username?: string;
}

/** What the server echoes back, to the sender only. */
export interface EchoResponse {
  username: string;
  message: string;
  /** Always `true`: marks this as an echo (the original workshop's field). */
  echo: true;
  /** When the server received it, as an ISO 8601 string (e.g. `2025-01-31T09:15:00.000Z`). */
  timestamp: string;
}

/**
 * Why the server refused a payload. A closed set of strings (a string-literal
 * union), so the browser can `switch` over it and TypeScript knows every case.
 */
export type ErrorCode =
  /** A field is missing, has the wrong type, is empty or is too long. */
  'invalid_payload';

/** The answer to a refused request. */
export interface AckError {
  ok: false;
  error: { code: ErrorCode; message: string };
}

/**
 * The answer to `echo_message`, delivered through the acknowledgement callback
 * (the function the client passes as the last argument of `emit`).
 */
export type EchoAck = { ok: true } | AckError;

/** Events the server sends and the browser listens to. */
export interface ServerToClientEvents {
  status: (payload: StatusPayload) => void;
  echo_response: (payload: EchoResponse) => void;
}

/** Events the browser sends and the server listens to. */
export interface ClientToServerEvents {
  echo_message: (payload: EchoMessagePayload, ack: (result: EchoAck) => void) => void;
}
