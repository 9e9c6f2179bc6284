// biome-ignore-all lint/suspicious/noExplicitAny: helpers accept sockets of any typed event map
import type { Socket } from 'socket.io-client';
import { roundTrip } from './round-trip.ts';

type AnySocket = Socket<any, any>;

/**
 * How long {@link nextEvent} waits when it cannot know sooner that an event
 * will not come: long enough for a loaded CI machine, short enough that a
 * missing TODO fails quickly. With `after`, a missing event fails as soon as
 * the server has answered instead.
 */
export const DEFAULT_EVENT_TIMEOUT_MS = 2000;

/** Options for waiting on an event. */
export interface WaitOptions {
  /**
   * How long to wait before failing, in milliseconds. Default
   * {@link DEFAULT_EVENT_TIMEOUT_MS} (2000).
   */
  timeoutMs?: number;
  /** Only resolve for a payload this returns true for. */
  where?: (payload: any) => boolean;
  /**
   * The request that should cause the event: an acknowledgement
   * (`alice.emitWithAck(…)`) or a {@link roundTrip} on the sender. Once it
   * resolves, one round trip on this socket's own connection proves whether
   * the event was sent, so a missing event fails at once instead of after
   * `timeoutMs`. Create it in the same tick as the wait (no `await` between).
   */
  after?: PromiseLike<unknown>;
}

/**
 * Waits for the next `event` on `socket` and resolves with its first argument.
 * When it fails, it lists what did arrive meanwhile, which is usually the
 * quickest way to see what went wrong.
 *
 * Start waiting before the action, or pass the action's acknowledgement as
 * `after`: then a server that never sends the event is caught as soon as it
 * has answered, not after a timeout.
 *
 * @example
 * const ack = alice.emitWithAck('send_message', { text: 'hi' });
 * const message = await nextEvent<Message>(bob, 'new_message', { after: ack });
 *
 * @example
 * // Without an acknowledgement: a round trip on the sender's connection.
 * alice.emit('typing_start');
 * await nextEvent(bob, 'typing_update', { after: roundTrip(alice) });
 */
export function nextEvent<T = unknown>(
  socket: AnySocket,
  event: string,
  { timeoutMs = DEFAULT_EVENT_TIMEOUT_MS, where, after }: WaitOptions = {},
): Promise<T> {
  const waiting = new Promise<T>((resolve, reject) => {
    const seen: string[] = [];
    let done = false;
    const onAny = (name: string, payload: unknown) => {
      if (name !== event) {
        seen.push(name);
        return;
      }
      if (where && !where(payload)) {
        seen.push(`${name} (not matching: ${preview(payload)})`);
        return;
      }
      finish();
      resolve(payload as T);
    };
    const arrived = () => (seen.length ? seen.join(', ') : 'nothing');
    const timer = setTimeout(() => {
      finish();
      reject(
        new Error(
          `Expected the event '${event}' within ${timeoutMs} ms, but it did not arrive. ` +
            `Arrived meanwhile: ${arrived()}.`,
        ),
      );
    }, timeoutMs);
    const finish = () => {
      done = true;
      clearTimeout(timer);
      socket.offAny(onAny);
    };
    socket.onAny(onAny);
    after
      ?.then(() => roundTrip(socket))
      .then(
        () => {
          if (done) return;
          finish();
          reject(
            new Error(
              `Expected the event '${event}', but the server sent none: it had finished with the request ` +
                `(a round trip on this connection came back first). Arrived meanwhile: ${arrived()}.`,
            ),
          );
        },
        // The request itself failed (the caller sees why when it awaits it): wait out the timeout.
        () => {},
      );
  });
  // A test that fails before awaiting this must not also report an unhandled rejection.
  waiting.catch(() => {});
  return waiting;
}

/**
 * Proves that `event` does NOT reach `socket` because of a request: it
 * listens from now on, and once `after` (the request's acknowledgement, or a
 * {@link roundTrip} on the sender) has resolved, one round trip on `socket`'s
 * own connection shows that the server sent it nothing. Fails with the payload
 * as soon as the event arrives. This is how privacy is tested: a whisper must
 * not reach a third client.
 *
 * The older form, `{ withinMs }` without `after`, waits a fixed window
 * instead; it is slower and less sure, so prefer `after`.
 *
 * @example
 * const ack = alice.emitWithAck('send_whisper', { to: 'bob', text: 'psst' });
 * await expectNoEvent(carol, 'private_message', { after: ack });
 */
export function expectNoEvent(
  socket: AnySocket,
  event: string,
  { after, withinMs = 300 }: { after?: PromiseLike<unknown>; withinMs?: number } = {},
): Promise<void> {
  const watching = new Promise<void>((resolve, reject) => {
    let done = false;
    const finish = () => {
      done = true;
      clearTimeout(timer);
      socket.offAny(onAny);
    };
    const onAny = (name: string, payload: unknown) => {
      if (name !== event || done) return;
      finish();
      reject(new Error(`Expected no '${event}' event, but one arrived with ${preview(payload)}.`));
    };
    const timer = after
      ? undefined
      : setTimeout(() => {
          finish();
          resolve();
        }, withinMs);
    socket.onAny(onAny);
    after
      ?.then(() => roundTrip(socket))
      .then(
        () => {
          if (done) return;
          finish();
          resolve();
        },
        (error: unknown) => {
          if (done) return;
          finish();
          reject(error);
        },
      );
  });
  watching.catch(() => {});
  return watching;
}

function preview(payload: unknown): string {
  const text = JSON.stringify(payload) ?? String(payload);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
