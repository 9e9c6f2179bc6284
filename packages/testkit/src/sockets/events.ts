// biome-ignore-all lint/suspicious/noExplicitAny: helpers accept sockets of any typed event map
import type { Socket } from 'socket.io-client';

type AnySocket = Socket<any, any>;

/** Options for waiting on an event. */
export interface WaitOptions {
  /** How long to wait before failing, in milliseconds. Default 2000. */
  timeoutMs?: number;
  /** Only resolve for a payload this returns true for. */
  where?: (payload: any) => boolean;
}

/**
 * Waits for the next `event` on `socket` and resolves with its first argument.
 * On timeout it fails with a message that lists what did arrive meanwhile,
 * which is usually the quickest way to see what went wrong.
 *
 * @example
 * const [message] = await Promise.all([
 *   nextEvent<Message>(bob, 'new_message'),
 *   alice.emit('send_message', { text: 'hi' }),
 * ]);
 */
export function nextEvent<T = unknown>(
  socket: AnySocket,
  event: string,
  { timeoutMs = 2000, where }: WaitOptions = {},
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const seen: string[] = [];
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
    const timer = setTimeout(() => {
      finish();
      const arrived = seen.length ? seen.join(', ') : 'nothing';
      reject(
        new Error(
          `Expected the event '${event}' within ${timeoutMs} ms, but it did not arrive. ` +
            `Arrived meanwhile: ${arrived}.`,
        ),
      );
    }, timeoutMs);
    const finish = () => {
      clearTimeout(timer);
      socket.offAny(onAny);
    };
    socket.onAny(onAny);
  });
}

/**
 * Resolves if `event` does NOT arrive on `socket` within `withinMs`, and fails
 * with the payload if it does. This is how privacy is tested: a whisper must
 * not reach a third client. Start it before the action that might leak.
 *
 * @example
 * const carolHearsNothing = expectNoEvent(carol, 'private_message');
 * alice.emit('send_whisper', { to: 'bob', text: 'psst' });
 * await carolHearsNothing;
 */
export function expectNoEvent(
  socket: AnySocket,
  event: string,
  { withinMs = 300 }: { withinMs?: number } = {},
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onAny = (name: string, payload: unknown) => {
      if (name !== event) return;
      clearTimeout(timer);
      socket.offAny(onAny);
      reject(new Error(`Expected no '${event}' event, but one arrived with ${preview(payload)}.`));
    };
    const timer = setTimeout(() => {
      socket.offAny(onAny);
      resolve();
    }, withinMs);
    socket.onAny(onAny);
  });
}

function preview(payload: unknown): string {
  const text = JSON.stringify(payload) ?? String(payload);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
