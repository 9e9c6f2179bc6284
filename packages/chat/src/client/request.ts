import type { Socket } from 'socket.io-client';
import {
  type AckResult,
  ChatError,
  type ClientEventName,
  type ClientPayload,
  type ClientToServerEvents,
  clientPayloadSchemas,
  parsePayload,
  type ServerToClientEvents,
} from '../protocol/index.ts';

/**
 * The client's socket, typed with the shared event maps (`client.socket`).
 *
 * @example
 * client.socket.onAny((event, payload) => inspector.log('in', event, payload));
 */
export type ChatSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** What the server's ack to event `E` carries on success, `ok: true` included. */
export type AckSuccess<E extends ClientEventName> = Parameters<ClientToServerEvents[E]>[1] extends
  | ((result: infer R) => void)
  | undefined
  ? Extract<R, { ok: true }>
  : never;

/**
 * Validates `payload` locally, sends `event` with an ack and a timeout, and
 * resolves with the server's answer or rejects with a `ChatError`: the
 * server's own on `{ ok: false }`, or one saying the server did not answer.
 *
 * Local validation saves a round trip for what the server would refuse anyway
 * (an empty message, a bad room name); the server still checks everything.
 *
 * @example
 * const { snapshot } = await request(socket, 'room:join', { room: 'general' }, 5000, url);
 */
export async function request<E extends ClientEventName>(
  socket: ChatSocket,
  event: E,
  payload: ClientPayload<E>,
  timeoutMs: number,
  url: string,
): Promise<AckSuccess<E>> {
  const parsed = parsePayload(clientPayloadSchemas[event], payload, event);
  let result: AckResult;
  try {
    // The generic `E` is too much for socket.io's conditional types, so the
    // call is made through a non-generic view of the same method.
    const timed = socket.timeout(timeoutMs);
    const emitWithAck = timed.emitWithAck as (
      event: ClientEventName,
      payload: unknown,
    ) => Promise<AckResult>;
    result = await emitWithAck.call(timed, event, parsed);
  } catch {
    throw new ChatError(
      'timeout',
      `The chat server at ${url} did not answer '${event}' within ${timeoutMs} ms ` +
        '(expected an acknowledgement; the connection may be down).',
    );
  }
  if (typeof result !== 'object' || result === null) {
    throw new ChatError(
      'internal',
      `The chat server at ${url} answered '${event}' with ${String(result)} ` +
        '(expected { ok: true, … } or { ok: false, error }).',
    );
  }
  if (!result.ok) throw ChatError.fromPayload(result.error);
  return result as AckSuccess<E>;
}
