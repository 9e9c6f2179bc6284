import { limits, type RoomName } from '../protocol/index.ts';

/**
 * Decides when a keystroke becomes a `typing:start` on the wire. An input
 * fires on every key, but the server only needs to hear "still typing" more
 * often than it forgets (`limits.typingTimeoutMs`), so we say it at most once
 * per `limits.typingThrottleMs` per room, and say `typing:stop` only when the
 * server still believes we are typing.
 *
 * @example
 * const throttle = new TypingThrottle();
 * if (throttle.start('general', Date.now())) socket.emit('typing:start', { room: 'general' });
 */
export class TypingThrottle {
  /** When we last sent `typing:start`, per room. */
  readonly #startedAt = new Map<RoomName, number>();

  constructor(
    private readonly throttleMs: number = limits.typingThrottleMs,
    private readonly expiresMs: number = limits.typingTimeoutMs,
  ) {}

  /** True when a `typing:start` for `room` should be sent now (and notes that it was). */
  start(room: RoomName, now: number): boolean {
    const last = this.#startedAt.get(room);
    if (last !== undefined && now - last < this.throttleMs) return false;
    this.#startedAt.set(room, now);
    return true;
  }

  /**
   * True when a `typing:stop` for `room` should be sent now: only if we said
   * we were typing and the server has not yet forgotten it by itself.
   */
  stop(room: RoomName, now: number): boolean {
    const last = this.#startedAt.get(room);
    this.#startedAt.delete(room);
    return last !== undefined && now - last < this.expiresMs;
  }

  /** Forgets `room` without a `typing:stop`: the server stops our typing when we send a message. */
  forget(room: RoomName): void {
    this.#startedAt.delete(room);
  }

  /** Forgets every room, e.g. after a disconnection (the server forgot too). */
  reset(): void {
    this.#startedAt.clear();
  }
}
