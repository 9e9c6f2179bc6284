import { createTokenBucket } from '@funws/chat/server';

/** How many events one connection may send: a burst, then a steady rate. */
export interface RateLimitOptions {
  /** Events allowed at once, e.g. a quick burst of typing. Default 100. */
  burst?: number;
  /** Events allowed per second after the burst. Default 50 (a pen on the shared canvas sends ~30). */
  perSecond?: number;
}

/** What socket.io passes to a socket middleware: `[eventName, ...args]`. */
type Packet = [string, ...unknown[]];

/**
 * A socket.io per-socket middleware that refuses events beyond a rate, so one
 * tab (or one script in the console) cannot flood the server and, through
 * its broadcasts, everybody else.
 *
 * It is a "token bucket" (the library's `createTokenBucket`): the bucket holds
 * up to `burst` tokens, each event takes one, and tokens flow back in at
 * `perSecond`. An event that finds the bucket empty is not handled; if it came
 * with an acknowledgement callback, the client is told
 * `{ ok: false, error: { code: 'rate_limited', … } }`.
 *
 * @example
 * io.on('connection', (socket) => {
 *   socket.use(limitRate()); // a new bucket for each connection
 *   socket.on('send_message', …);
 * });
 */
export function limitRate(
  { burst = 100, perSecond = 50 }: RateLimitOptions = {},
  now: () => number = Date.now,
): (packet: Packet, next: (error?: Error) => void) => void {
  const bucket = createTokenBucket({ burst, perSecond }, now);
  return (packet, next) => {
    if (bucket.take()) {
      next();
      return;
    }
    const ack = packet.at(-1);
    if (typeof ack === 'function') {
      ack({
        ok: false,
        error: {
          code: 'rate_limited',
          message: `Too many events: at most ${perSecond} per second. Wait a moment and try again.`,
        },
      });
    }
  };
}
