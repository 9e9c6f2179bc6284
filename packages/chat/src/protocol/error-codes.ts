/**
 * Why the server refused something. A closed set, so a client can `switch`
 * over it and TypeScript tells you when a case is missing.
 *
 * @example
 * function advice(code: ChatErrorCode): string {
 *   switch (code) {
 *     case 'nickname_taken':
 *       return 'Somebody uses that nickname; pick another.';
 *     case 'rate_limited':
 *       return 'Slow down a little.';
 *     default:
 *       return 'Something went wrong.';
 *   }
 * }
 */
export type ChatErrorCode =
  /** The payload does not match the event's schema (wrong type, missing or unknown field, too long). */
  | 'invalid_payload'
  /** The socket sent too many events too quickly; wait a moment. */
  | 'rate_limited'
  /** The nickname is empty, too long or has characters that are not allowed. */
  | 'nickname_invalid'
  /** Another member already uses this nickname (compared case-insensitively). */
  | 'nickname_taken'
  /** The `authenticate` hook refused the connection. */
  | 'unauthorized'
  /** The room does not exist and this server does not let clients create rooms. */
  | 'unknown_room'
  /** The room name has characters that are not allowed. */
  | 'room_name_invalid'
  /** The server already has as many rooms as it allows. */
  | 'room_limit'
  /** The action needs you to be in the room first. */
  | 'not_in_room'
  /** No connected member has this user id. */
  | 'unknown_user'
  /** No message with this id is in the room's history. */
  | 'unknown_message'
  /** No poll with this id exists. */
  | 'unknown_poll'
  /** The poll has no option with this id. */
  | 'unknown_option'
  /** The poll is closed to votes. */
  | 'poll_closed'
  /** Only the member who created a poll can close it. */
  | 'not_poll_creator'
  /** A moderation hook refused it. */
  | 'rejected'
  /** The server failed; the message says no more than is safe to say. */
  | 'internal'
  /** The server cannot take the connection now (it is shutting down); a client tries again. */
  | 'unavailable'
  /** Client only: the server could not be reached, or the connection was lost for good. */
  | 'connection_failed'
  /** Client only: the server did not acknowledge a request in time. */
  | 'timeout'
  /** Client only: a request was made before `connect()` or after `close()`. */
  | 'not_connected';

/**
 * Every {@link ChatErrorCode}, for runtime checks.
 *
 * @example
 * const isKnownCode = (value: unknown): value is ChatErrorCode =>
 *   (chatErrorCodes as readonly unknown[]).includes(value);
 */
export const chatErrorCodes = [
  'invalid_payload',
  'rate_limited',
  'nickname_invalid',
  'nickname_taken',
  'unauthorized',
  'unknown_room',
  'room_name_invalid',
  'room_limit',
  'not_in_room',
  'unknown_user',
  'unknown_message',
  'unknown_poll',
  'unknown_option',
  'poll_closed',
  'not_poll_creator',
  'rejected',
  'internal',
  'unavailable',
  'connection_failed',
  'timeout',
  'not_connected',
] as const satisfies readonly ChatErrorCode[];
