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

/** A room name: lower-case letters, digits and dashes, starting with a letter or digit. */
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

/** Message or whisper text: trimmed, 1–2000 characters, no NUL and no unpaired surrogate. */
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
const pointSchema = z.strictObject({ x: unitSchema, y: unitSchema });

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
 */
export const handshakeAuthSchema = z.strictObject({
  nickname: nicknameSchema,
  token: z.optional(z.string().check(z.minLength(1), z.maxLength(128))),
  pid: socketIoRecoveryId,
  offset: socketIoRecoveryId,
});

/** Every client→server payload's schema, by event name. */
export const clientPayloadSchemas = {
  // No payload means `{}`: `emit('room:list', ack)`, the way a python-socketio or
  // other non-JavaScript client sends it, is a list without watching the counts.
  'room:list': z._default(z.strictObject({ watch: z.optional(z.boolean()) }), {}),
  'room:join': z.strictObject({ room: roomNameSchema, since: z.optional(idSchema) }),
  'room:leave': z.strictObject({ room: roomNameSchema }),
  'room:switch': z.strictObject({ room: roomNameSchema }),
  'message:send': z.strictObject({ room: roomNameSchema, text: textSchema }),
  'whisper:send': z.strictObject({ to: idSchema, text: textSchema }),
  'typing:start': z.strictObject({ room: roomNameSchema }),
  'typing:stop': z.strictObject({ room: roomNameSchema }),
  'poll:create': z
    .strictObject({
      room: roomNameSchema,
      question: z
        .string()
        .check(
          z.trim(),
          z.minLength(1, 'the question is empty'),
          z.maxLength(limits.pollQuestionLength),
          refuseUnshowableText(),
        ),
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
  'poll:vote': z.strictObject({ pollId: idSchema, optionId: idSchema }),
  'poll:close': z.strictObject({ pollId: idSchema }),
  'reaction:toggle': z.strictObject({
    room: roomNameSchema,
    messageId: idSchema,
    emoji: z.enum(reactionEmoji),
  }),
  'canvas:draw': z.strictObject({
    room: roomNameSchema,
    segment: z.strictObject({
      from: pointSchema,
      to: pointSchema,
      color: z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/, 'a colour is #rrggbb')),
      width: z.number().check(z.gte(limits.canvasLineWidth.min), z.lte(limits.canvasLineWidth.max)),
    }),
  }),
  'canvas:clear': z.strictObject({ room: roomNameSchema }),
} as const;

/** The name of a client→server event. */
export type ClientEventName = keyof typeof clientPayloadSchemas;

/** The payload of a client→server event, as the client sends it. */
export type ClientPayload<E extends ClientEventName> = z.input<(typeof clientPayloadSchemas)[E]>;

/** The payload of a client→server event after validation (trimmed, normalised). */
export type ParsedClientPayload<E extends ClientEventName> = z.output<
  (typeof clientPayloadSchemas)[E]
>;
