import { ChatError, type Session } from '../protocol/index.ts';
import type { ChatChange } from './chat-change.ts';
import type { ChatState } from './chat-state.ts';

/** Subscribes to the client's changes; answers a function that unsubscribes. */
type OnChange = (listener: (state: ChatState, change: ChatChange) => void) => () => void;

/**
 * Resolves once the client is `connected` again (after a reconnection, and
 * its re-join); rejects with `timeout` after `timeoutMs`, or with
 * `not_connected` when the client ends up `disconnected` instead. Requests
 * made while reconnecting wait on this, so they reach the server after the
 * re-join and not before it.
 *
 * @example
 * await backInTime(onChange, { event: 'message:send', timeoutMs: 5000, url });
 */
export function backInTime(
  onChange: OnChange,
  { event, timeoutMs, url }: { event: string; timeoutMs: number; url: string },
): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(
        new ChatError(
          'timeout',
          `Could not send '${event}': the client did not reconnect to ${url} within ${timeoutMs} ms.`,
        ),
      );
    }, timeoutMs);
    const off = onChange((state) => {
      if (state.connection === 'reconnecting') return;
      clearTimeout(timer);
      off();
      if (state.connection === 'connected') resolve();
      else
        reject(
          new ChatError(
            'not_connected',
            `Could not send '${event}': the client is ${state.connection}.`,
          ),
        );
    });
  });
}

/**
 * Resolves with the session once a reconnection in progress succeeds;
 * rejects with `connection_failed` if it ends `disconnected`.
 *
 * @example
 * const session = await reconnected(onChange, url);
 */
export function reconnected(onChange: OnChange, url: string): Promise<Session> {
  return new Promise((resolve, reject) => {
    const off = onChange((state) => {
      if (state.connection === 'connected' && state.session) {
        off();
        resolve(state.session);
      } else if (state.connection === 'disconnected') {
        off();
        reject(
          new ChatError('connection_failed', `Could not reconnect to the chat server at ${url}.`),
        );
      }
    });
  });
}
