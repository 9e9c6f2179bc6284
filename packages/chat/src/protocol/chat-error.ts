import { type ChatErrorCode, chatErrorCodes } from './error-codes.ts';

/**
 * An error as it travels over the wire inside an ack or a `chat:error` event.
 *
 * @example
 * const payload: ChatErrorPayload = new ChatError('unknown_room', "No room named 'lobby'.").toPayload();
 * // { code: 'unknown_room', message: "No room named 'lobby'." }
 */
export interface ChatErrorPayload {
  /** What went wrong, for code to check: one of `chatErrorCodes`. */
  code: ChatErrorCode;
  /** What went wrong, for people: what was received, what was expected, how to fix it. */
  message: string;
}

/**
 * The one error class of the library, on the server and on the client. Its
 * `code` says what went wrong in a way code can check; its `message` says it in
 * a way people can read, naming what was received and what was expected.
 *
 * @example
 * try {
 *   await client.join('lobby');
 * } catch (error) {
 *   if (isChatError(error) && error.code === 'unknown_room') showRooms();
 * }
 */
export class ChatError extends Error {
  /** Always `'ChatError'`, so {@link isChatError} can recognise one from another realm. */
  override name = 'ChatError' as const;

  /**
   * @param code - What went wrong, for code to check.
   * @param message - What went wrong, for people: what was received and what was expected.
   */
  constructor(
    /** What went wrong, for code to check: one of `chatErrorCodes`. */
    readonly code: ChatErrorCode,
    message: string,
  ) {
    super(message);
  }

  /**
   * The shape sent over the wire.
   *
   * @example
   * ack({ ok: false, error: new ChatError('poll_closed', 'The poll is closed.').toPayload() });
   */
  toPayload(): ChatErrorPayload {
    return { code: this.code, message: this.message };
  }

  /**
   * Rebuilds a `ChatError` from what arrived over the wire.
   *
   * @example
   * const result = await socket.emitWithAck('room:leave', { room: 'general' });
   * if (!result.ok) throw ChatError.fromPayload(result.error);
   */
  static fromPayload(payload: ChatErrorPayload): ChatError {
    return new ChatError(payload.code, payload.message);
  }
}

/**
 * True for a {@link ChatError}, also one made in another realm (an iframe, a
 * second copy of the library) where `instanceof` would say no.
 *
 * @example
 * try {
 *   await client.send('general', text);
 * } catch (error) {
 *   if (isChatError(error)) console.warn(`${error.code}: ${error.message}`);
 *   else throw error;
 * }
 */
export function isChatError(value: unknown): value is ChatError {
  if (value instanceof ChatError) return true;
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { name?: unknown; code?: unknown };
  return (
    candidate.name === 'ChatError' &&
    (chatErrorCodes as readonly unknown[]).includes(candidate.code)
  );
}
