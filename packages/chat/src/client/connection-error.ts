import { ChatError, type ChatErrorPayload, chatErrorCodes } from '../protocol/index.ts';

/**
 * Turns socket.io's `connect_error` into a `ChatError`. The server refuses a
 * connection with `err.data = { code, message }` (a taken nickname, a failed
 * `authenticate`); anything else is the network, and then the most useful
 * thing to say is which URL we could not reach.
 *
 * @example
 * socket.on('connect_error', (error) => reject(toConnectionError(error, url)));
 */
export function toConnectionError(error: Error & { data?: unknown }, url: string): ChatError {
  if (isErrorPayload(error.data)) return ChatError.fromPayload(error.data);
  return new ChatError(
    'connection_failed',
    `Could not connect to the chat server at ${url} (${error.message}). ` +
      'Is it running, and are the url and path right?',
  );
}

function isErrorPayload(value: unknown): value is ChatErrorPayload {
  if (typeof value !== 'object' || value === null) return false;
  const { code, message } = value as { code?: unknown; message?: unknown };
  return typeof message === 'string' && (chatErrorCodes as readonly unknown[]).includes(code);
}
