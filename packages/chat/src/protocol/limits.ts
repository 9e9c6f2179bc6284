/**
 * Every limit the server enforces, in one place. The client reads the same
 * numbers, so a form can refuse an over-long message before it is sent.
 *
 * @example
 * import { limits } from '@funws/chat/protocol';
 * input.maxLength = limits.messageLength;
 */
export const limits = {
  /** Nickname length after trimming, in characters. */
  nicknameLength: {
    /** The fewest characters: one visible character. */
    min: 1,
    /** The most characters. */
    max: 32,
  },
  /** Room name length; names are lower-case letters, digits and dashes. */
  roomNameLength: {
    /** The fewest characters. */
    min: 1,
    /** The most characters. */
    max: 32,
  },
  /** Rooms that may exist at once when clients may create them. */
  rooms: 100,
  /** Message and whisper length after trimming, in characters. */
  messageLength: 2000,
  /** Messages kept per room and sent to each joiner. */
  historyPerRoom: 100,
  /** Poll question length, in characters. */
  pollQuestionLength: 200,
  /** Poll option length, in characters. */
  pollOptionLength: 80,
  /** Options per poll. */
  pollOptions: {
    /** The fewest options a poll may have. */
    min: 2,
    /** The most options a poll may have. */
    max: 6,
  },
  /** Polls kept per room; the oldest is dropped past this. */
  pollsPerRoom: 20,
  /** Canvas segments kept per room for late joiners; the oldest are dropped past this. */
  canvasSegmentsPerRoom: 5000,
  /** Canvas line width, in CSS pixels at a 1000 px wide canvas. */
  canvasLineWidth: {
    /** The thinnest line. */
    min: 1,
    /** The thickest line. */
    max: 40,
  },
  /** The server forgets a typist after this long without a new `typing:start`. */
  typingTimeoutMs: 5000,
  /** The client sends at most one `typing:start` per room this often. */
  typingThrottleMs: 2000,
  /** Per-socket token bucket: a burst of `burst` events, refilled at `perSecond`. */
  rateLimit: {
    /** Events a socket may send at once before it must wait (the bucket's size). */
    burst: 60,
    /** Events per second the bucket refills with, the sustained rate. */
    perSecond: 30,
  },
  /** `room:counts` reaches a watching socket at most this often, however many joins happen. */
  roomCountsIntervalMs: 250,
  /** The largest packet the server accepts, in bytes (socket.io's maxHttpBufferSize). */
  maxPacketBytes: 64 * 1024,
} as const;

/**
 * The type of {@link limits}.
 *
 * @example
 * function isTooLong(text: string, rules: Limits = limits): boolean {
 *   return text.trim().length > rules.messageLength;
 * }
 */
export type Limits = typeof limits;
