import { TYPING_THROTTLE_MS } from '../protocol.ts';

/** After this long without a keystroke, we tell the server we stopped typing. */
export const TYPING_IDLE_MS = 3000;

/**
 * Decides when to send `typing_start` and `typing_stop` while someone types.
 *
 * Every keystroke calls `input()`, but the server hears `typing_start` at most
 * once every {@link TYPING_THROTTLE_MS} (a *throttle*): enough to keep the
 * server's 5-second expiry from firing while you type, without one event per
 * key. A pause of {@link TYPING_IDLE_MS}, or sending the message, calls `stop()`.
 *
 * If `typing_stop` is ever lost (closed laptop, dropped connection), the
 * server's own timeout clears the indicator anyway.
 */
export function createTypingNotifier(
  send: { start(): void; stop(): void },
  { throttleMs = TYPING_THROTTLE_MS, idleMs = TYPING_IDLE_MS, now = () => Date.now() } = {},
) {
  let typing = false;
  let startedAt = 0;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;

  const stop = () => {
    clearTimeout(idleTimer);
    if (!typing) return;
    typing = false;
    send.stop();
  };

  const input = () => {
    if (!typing || now() - startedAt >= throttleMs) {
      send.start();
      startedAt = now();
      typing = true;
    }
    clearTimeout(idleTimer);
    idleTimer = setTimeout(stop, idleMs);
  };

  return { input, stop };
}

/**
 * The words under the message list: "alice is typing…", "alice and bob are
 * typing…", "alice, bob and 2 others are typing…", or '' when nobody is.
 * `me` is left out: the server does not tell you about yourself, but another
 * tab or a reconnect could.
 */
export function typingText(users: readonly string[], me = ''): string {
  const others = users.filter((name) => name !== me);
  const [first, second] = others;
  if (first === undefined) return '';
  if (second === undefined) return `${first} is typing…`;
  if (others.length === 2) return `${first} and ${second} are typing…`;
  return `${first}, ${second} and ${others.length - 2} others are typing…`;
}
