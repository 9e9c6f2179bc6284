/**
 * The wire contract of the sidebar: the same echo, spoken two ways.
 *
 * **Raw WebSocket** (library `ws`; port 8765 when run alone, `…/raw` when mounted).
 * There are no "events": each frame is just text. We agree on JSON by hand:
 *
 * | direction       | frame (JSON text)                                               |
 * |-----------------|-----------------------------------------------------------------|
 * | client → server | `{ "message": "hi", "timestamp"?: "…" }`                        |
 * | server → client | `{ "type": "echo", "original_message", "timestamp", "from_server": true }` |
 * | server → client | `{ "type": "error", "message" }` — bad JSON or a bad `message`; the connection stays open |
 *
 * **Socket.IO** (port 5000, same as demo 3): named events, with payloads
 * encoded for us and typed by the maps below.
 *
 * | direction            | event           | payload                                        |
 * |----------------------|-----------------|------------------------------------------------|
 * | server → client      | `status`        | `{ msg }` — once, on connect                   |
 * | client → server      | `echo_message`  | `{ message, username? }`, with an ack          |
 * | server → sender only | `echo_response` | `{ username, message, echo: true, timestamp }` |
 */

/** The longest message either echo accepts, in characters. */
export const MAX_MESSAGE_LENGTH = 500;

/** The longest username the Socket.IO echo accepts, in characters, after trimming. */
export const MAX_USERNAME_LENGTH = 32;

/** The name used when the Socket.IO client sends no username. */
export const DEFAULT_USERNAME = 'Anonymous';

/**
 * The biggest raw WebSocket frame the server reads, in bytes (16 KiB). A bigger
 * one closes the connection with code 1009 ("message too big") before the
 * server spends memory on it.
 */
export const MAX_RAW_PAYLOAD_BYTES = 16 * 1024;

// ---- Raw WebSocket ---------------------------------------------------------

/** What a raw client sends, as JSON text. The server ignores `timestamp` and uses its own clock. */
export interface RawRequest {
  message: string;
  timestamp?: string;
}

/** The raw server's answer to a good request. */
export interface RawEcho {
  type: 'echo';
  original_message: string;
  /** The server's time, ISO 8601. */
  timestamp: string;
  from_server: true;
}

/** The raw server's answer to a bad request. */
export interface RawError {
  type: 'error';
  message: string;
}

/** Every frame the raw server sends. */
export type RawReply = RawEcho | RawError;

/** `GET config.json`: where the page finds the raw WebSocket endpoint. */
export interface SidebarConfig {
  /** e.g. `ws://127.0.0.1:8765/` alone, `ws://localhost:4321/demos/sidebar/raw` mounted. */
  rawUrl: string;
}

// ---- Socket.IO --------------------------------------------------------------

/** The greeting sent to each new Socket.IO connection. */
export interface StatusPayload {
  msg: string;
}

/** What the browser sends to be echoed. */
export interface EchoMessagePayload {
  /** 1 to 500 characters after trimming. */
  message: string;
  /** Optional, at most 32 characters; `'Anonymous'` when left out. */
  username?: string;
}

/** The echo, sent to the sender only. */
export interface EchoResponse {
  username: string;
  message: string;
  echo: true;
  /** The server's time, ISO 8601. */
  timestamp: string;
}

/** Why the server refused a payload (a closed set, so code can `switch` over it). */
export type ErrorCode = 'invalid_payload';

/** The answer to a refused request. */
export interface AckError {
  ok: false;
  error: { code: ErrorCode; message: string };
}

/** The acknowledgement of `echo_message`. */
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
