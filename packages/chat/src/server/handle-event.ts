import {
  type ChatErrorPayload,
  type ClientEventName,
  clientPayloadSchemas,
  isChatError,
  type ParsedClientPayload,
  parsePayload,
} from '../protocol/index.ts';
import type { ChatContext } from './context.ts';
import { createTokenBucket } from './rate-limit.ts';
import type { SerialQueue } from './serial-queue.ts';
import type { AckData, ChatSocket } from './types.ts';

/** What a feature does with one valid event; throw a `ChatError` to refuse it. */
export type Feature<E extends ClientEventName> = (
  ctx: ChatContext,
  socket: ChatSocket,
  payload: ParsedClientPayload<E>,
) => Promise<AckData<E>>;

/** One feature per client→server event. */
export type Features = { [E in ClientEventName]: Feature<E> };

type AckFunction = (result: unknown) => void;

/**
 * Routes every client→server event of `socket` through one wrapper, so that
 * each one is rate-limited, validated and answered the same way:
 *
 * - the last argument is the ack if it is a function; the first is the payload
 *   (a client may send none, a non-object, or extra arguments);
 * - a spent token bucket answers `rate_limited` without running the feature;
 * - the payload is parsed with the event's schema (`invalid_payload` otherwise);
 * - the ack gets `{ ok: true, …result }` or `{ ok: false, error }`; without an
 *   ack, an error goes to this socket alone as `chat:error`;
 * - anything unexpected becomes `internal` with a safe message and is logged.
 *
 * Events run one at a time per socket, in the order they arrived (`queue`).
 * Unknown event names are answered with `invalid_payload` when they carry an
 * ack, and ignored otherwise.
 */
export function attachEventHandlers(
  ctx: ChatContext,
  socket: ChatSocket,
  features: Features,
  queue: SerialQueue,
): void {
  const bucket = createTokenBucket(ctx.options.limits.rateLimit, ctx.options.clock);
  const known = eventNames(features);

  const handle = (event: ClientEventName, args: unknown[]): void => {
    const last = args.at(-1);
    const ack = typeof last === 'function' ? (last as AckFunction) : undefined;
    const payload = args.length > (ack ? 1 : 0) ? args[0] : undefined;
    const answer = (result: Record<string, unknown>) => ack?.({ ok: true, ...result });
    const fail = (error: ChatErrorPayload) => {
      if (ack) ack({ ok: false, error });
      else socket.emit('chat:error', { event, error });
    };
    // Checked on arrival, not in the queue, so a flood is refused at once.
    if (!bucket.take()) {
      fail({
        code: 'rate_limited',
        message: `Too many events: at most ${ctx.options.limits.rateLimit.perSecond} per second; wait a moment.`,
      });
      return;
    }
    queue
      .run(async () => {
        const parsed = parsePayload(clientPayloadSchemas[event], payload, event);
        return runFeature(features, event, ctx, socket, parsed);
      })
      .then(answer, (error: unknown) => fail(toErrorPayload(ctx, event, error)))
      .catch((error: unknown) => ctx.options.logger.error(`answering '${event}' failed`, error));
  };

  // One listener for every event, rather than one per event name: it is the
  // same routing, and a socket costs a closure instead of fifteen (with a
  // listener table in dictionary mode), which adds up at thousands of sockets.
  socket.onAny((event: unknown, ...args: unknown[]) => {
    if (typeof event === 'string' && known.has(event)) {
      handle(event as ClientEventName, args);
      return;
    }
    const last = args.at(-1);
    if (typeof last !== 'function' || !bucket.take()) return;
    (last as AckFunction)({
      ok: false,
      error: {
        code: 'invalid_payload',
        message: `Unknown event ${JSON.stringify(String(event)).slice(0, 80)}; expected one of ${[...known].join(', ')}.`,
      },
    });
  });
}

const eventNamesOf = new WeakMap<Features, ReadonlySet<string>>();

/** The event names `features` handles, computed once per features table, not once per socket. */
function eventNames(features: Features): ReadonlySet<string> {
  let names = eventNamesOf.get(features);
  if (!names) {
    names = new Set(Object.keys(features));
    eventNamesOf.set(features, names);
  }
  return names;
}

// A generic helper keeps the event and its payload type tied together, which
// indexing `features[event]` with a union would lose.
function runFeature<E extends ClientEventName>(
  features: Features,
  event: E,
  ctx: ChatContext,
  socket: ChatSocket,
  payload: ParsedClientPayload<E>,
): Promise<AckData<E>> {
  const feature = features[event] as Feature<E>;
  return feature(ctx, socket, payload);
}

function toErrorPayload(ctx: ChatContext, event: string, error: unknown): ChatErrorPayload {
  if (isChatError(error)) return { code: error.code, message: String(error.message) };
  ctx.options.logger.error(`handling '${event}' failed`, error);
  return { code: 'internal', message: `The server failed to handle '${event}'; try again later.` };
}
