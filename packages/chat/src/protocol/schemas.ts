import * as z from 'zod/mini';
import { reactionEmoji } from './emoji.ts';
import { limits } from './limits.ts';
import { nicknameProblem, normalizeNickname } from './nickname.ts';
import { textProblem } from './text-rules.ts';

// Runtime schemas for everything a client sends. Types alone do not validate:
// a browser console can emit anything, so the server parses every payload with
// these before a feature sees it. Objects are strict: an unknown key (including
// `__proto__`) is an error, not something to ignore.
//
// They use `zod/mini`, zod's tree-shakable form, because the browser client
// imports them too (to refuse an empty message without a round trip): the same
// rules on both sides, at a fraction of the bundle size of classic zod.

/**
 * A nickname: NFKC-normalised, trimmed, runs of spaces made one, 1–32
 * characters, and no control, invisible formatting, private-use, unassigned or
 * unpaired-surrogate characters (see `nicknameProblem`). Whether it is free is
 * the server's question: it compares `nicknameKey`s, so look-alikes clash.
 *
 * @example
 * nicknameSchema.parse('  Ada   Lovelace '); // 'Ada Lovelace'
 */
export const nicknameSchema = z.string().check(
  z.overwrite(normalizeNickname),
  z.minLength(limits.nicknameLength.min, 'a nickname needs at least one visible character'),
  z.maxLength(
    limits.nicknameLength.max,
    `a nickname has at most ${limits.nicknameLength.max} characters`,
  ),
  z.superRefine((value, ctx) => {
    const problem = nicknameProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, input: value });
  }),
);

/**
 * A room name: lower-case letters, digits and dashes, starting with a letter or digit.
 *
 * @example
 * roomNameSchema.parse(' General '); // 'general'
 */
export const roomNameSchema = z
  .string()
  .check(
    z.trim(),
    z.toLowerCase(),
    z.minLength(limits.roomNameLength.min, 'a room name is empty'),
    z.maxLength(
      limits.roomNameLength.max,
      `a room name has at most ${limits.roomNameLength.max} characters`,
    ),
    z.regex(/^[a-z0-9][a-z0-9-]*$/, 'a room name is lower-case letters, digits and dashes'),
  );

/** Refuses text holding NUL or an unpaired surrogate (see `textProblem`), saying which. */
function refuseUnshowableText() {
  return z.superRefine((value: string, ctx) => {
    const problem = textProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, input: value });
  });
}

/**
 * Message or whisper text: trimmed, 1–2000 characters, no NUL and no unpaired surrogate.
 *
 * @example
 * const result = textSchema.safeParse(input.value, readableIssues);
 * if (!result.success) console.warn(result.error.issues[0]?.message); // e.g. 'the text is empty'
 */
export const textSchema = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, 'the text is empty'),
    z.maxLength(limits.messageLength, `the text has more than ${limits.messageLength} characters`),
    refuseUnshowableText(),
  );

const idSchema = z.string().check(z.minLength(1, 'the id is empty'), z.maxLength(64));

const unitSchema = z.number().check(z.gte(0), z.lte(1));
const pointSchema = z.strictObject({
  /** From the left edge (0) to the right edge (1). */
  x: unitSchema,
  /** From the top edge (0) to the bottom edge (1). */
  y: unitSchema,
});

const pollOptionSchema = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, 'an option is empty'),
    z.maxLength(limits.pollOptionLength),
    refuseUnshowableText(),
  );

// socket.io-client adds these two to `auth` by itself when it tries to recover
// a session (connection state recovery): `pid`, the private id of the session,
// and `offset`, the id of the last packet it received. They are socket.io's,
// not ours, and must never lock a client out: a server that restarted, or
// forgot the session after its recovery window, cannot recover it, and then
// it is our middleware that sees them. Both are short random ids.
const socketIoRecoveryId = z.optional(z.string().check(z.maxLength(64)));

/**
 * What a connecting client puts in `auth`: its nickname and, to be the same
 * user again, its session token. Strict, like every payload, except for the
 * keys socket.io itself adds (`pid`, `offset`), which are accepted and ignored.
 *
 * @example
 * const auth = handshakeAuthSchema.safeParse({ nickname: ' ada ' }, readableIssues);
 * if (auth.success) console.log(auth.data.nickname); // 'ada'
 */
export const handshakeAuthSchema = z.strictObject({
  /** The nickname to go by (see {@link nicknameSchema}). */
  nickname: nicknameSchema,
  /** The `Session.token` of an earlier connection, to be that user again; up to 128 characters. */
  token: z.optional(z.string().check(z.minLength(1), z.maxLength(128))),
  /** socket.io's own recovery session id; accepted and ignored. */
  pid: socketIoRecoveryId,
  /** socket.io's own recovery offset; accepted and ignored. */
  offset: socketIoRecoveryId,
});

/**
 * Every client→server payload's schema, by event name.
 *
 * @example
 * const parsed = clientPayloadSchemas['message:send'].safeParse({ room: 'General', text: ' hi ' });
 * if (parsed.success) console.log(parsed.data); // { room: 'general', text: 'hi' }
 */
export const clientPayloadSchemas = {
  // No payload means `{}`: `emit('room:list', ack)`, the way a python-socketio or
  // other non-JavaScript client sends it, is a list without watching the counts.
  /** `room:list`: the rooms and their counts. */
  'room:list': z._default(
    z.strictObject({
      /** `true` to receive `room:counts` from now on, `false` to stop; absent leaves it as it is. */
      watch: z.optional(z.boolean()),
    }),
    {},
  ),
  /** `room:join`: join a room and receive its snapshot. */
  'room:join': z.strictObject({
    /** The room to join (trimmed and lower-cased). */
    room: roomNameSchema,
    /** The id of the newest message the client already holds, to receive only newer ones. */
    since: z.optional(idSchema),
  }),
  /** `room:leave`: leave a room. */
  'room:leave': z.strictObject({
    /** The room to leave. */
    room: roomNameSchema,
  }),
  /** `room:switch`: leave every room and join one. */
  'room:switch': z.strictObject({
    /** The room to be in afterwards. */
    room: roomNameSchema,
  }),
  /** `message:send`: a message to a room. */
  'message:send': z.strictObject({
    /** A room this socket is in. */
    room: roomNameSchema,
    /** The text (see {@link textSchema}). */
    text: textSchema,
  }),
  /** `whisper:send`: a private message to one connected user. */
  'whisper:send': z.strictObject({
    /** The recipient's user id. */
    to: idSchema,
    /** The text (see {@link textSchema}). */
    text: textSchema,
  }),
  /** `typing:start`: you are typing. */
  'typing:start': z.strictObject({
    /** A room this socket is in. */
    room: roomNameSchema,
  }),
  /** `typing:stop`: you stopped typing. */
  'typing:stop': z.strictObject({
    /** The room you were typing in. */
    room: roomNameSchema,
  }),
  /** `poll:create`: a new poll; option texts must differ (ignoring case). */
  'poll:create': z
    .strictObject({
      /** A room this socket is in. */
      room: roomNameSchema,
      /** The question, trimmed, 1–200 characters. */
      question: z
        .string()
        .check(
          z.trim(),
          z.minLength(1, 'the question is empty'),
          z.maxLength(limits.pollQuestionLength),
          refuseUnshowableText(),
        ),
      /** The answers, 2–6 of them, each trimmed, 1–80 characters. */
      options: z
        .array(pollOptionSchema)
        .check(z.minLength(limits.pollOptions.min), z.maxLength(limits.pollOptions.max)),
    })
    .check(
      z.refine(
        (poll) => new Set(poll.options.map((o) => o.toLowerCase())).size === poll.options.length,
        { message: 'the options must all be different', path: ['options'] },
      ),
    ),
  /** `poll:vote`: vote, or move your vote. */
  'poll:vote': z.strictObject({
    /** The poll's id. */
    pollId: idSchema,
    /** The chosen option's id. */
    optionId: idSchema,
  }),
  /** `poll:close`: end a poll you created. */
  'poll:close': z.strictObject({
    /** The poll's id. */
    pollId: idSchema,
  }),
  /** `reaction:toggle`: add or remove your reaction to a message. */
  'reaction:toggle': z.strictObject({
    /** The message's room, which this socket is in. */
    room: roomNameSchema,
    /** The message's id; it must still be in the room's history. */
    messageId: idSchema,
    /** One of `reactionEmoji`. */
    emoji: z.enum(reactionEmoji),
  }),
  /** `canvas:draw`: one straight segment on a room's canvas. */
  'canvas:draw': z.strictObject({
    /** A room this socket is in. */
    room: roomNameSchema,
    /** The segment; coordinates are 0..1 on both axes. */
    segment: z.strictObject({
      /** Where it starts. */
      from: pointSchema,
      /** Where it ends. */
      to: pointSchema,
      /** `#rrggbb`. */
      color: z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/, 'a colour is #rrggbb')),
      /** Line width, 1–40 px on a 1000 px wide canvas. */
      width: z.number().check(z.gte(limits.canvasLineWidth.min), z.lte(limits.canvasLineWidth.max)),
    }),
  }),
  /** `canvas:clear`: clear a room's canvas for everyone. */
  'canvas:clear': z.strictObject({
    /** A room this socket is in. */
    room: roomNameSchema,
  }),
} as const;

/**
 * The name of a client→server event.
 *
 * @example
 * const needsRoom = (event: ClientEventName) => event.startsWith('room:');
 */
export type ClientEventName = keyof typeof clientPayloadSchemas;

/**
 * The payload of a client→server event, as the client sends it.
 *
 * @example
 * const payload: ClientPayload<'message:send'> = { room: 'General', text: ' hi ' };
 * socket.emit('message:send', payload);
 */
export type ClientPayload<E extends ClientEventName> = z.input<(typeof clientPayloadSchemas)[E]>;

/**
 * The payload of a client→server event after validation (trimmed, normalised).
 *
 * @example
 * const parsed: ParsedClientPayload<'message:send'> = clientPayloadSchemas['message:send'].parse(payload);
 * // trimmed and lower-cased: { room: 'general', text: 'hi' }
 */
export type ParsedClientPayload<E extends ClientEventName> = z.output<
  (typeof clientPayloadSchemas)[E]
>;
