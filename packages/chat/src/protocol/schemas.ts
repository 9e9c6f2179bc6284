import { z } from 'zod';
import { reactionEmoji } from './emoji.ts';
import { limits } from './limits.ts';

// Runtime schemas for everything a client sends. Types alone do not validate:
// a browser console can emit anything, so the server parses every payload with
// these before a feature sees it. Objects are strict: an unknown key (including
// `__proto__`) is an error, not something to ignore.

/** Characters that have no business in a name: controls, and line or paragraph separators. */
const controlCharacters = /[\p{Cc}\p{Zl}\p{Zp}]/u;

/** A nickname: trimmed, 1–32 characters, no control characters. */
export const nicknameSchema = z
  .string()
  .trim()
  .min(limits.nicknameLength.min, 'a nickname needs at least one visible character')
  .max(limits.nicknameLength.max, `a nickname has at most ${limits.nicknameLength.max} characters`)
  .refine((value) => !controlCharacters.test(value), 'a nickname cannot hold control characters');

/** A room name: lower-case letters, digits and dashes, starting with a letter or digit. */
export const roomNameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(limits.roomNameLength.min)
  .max(limits.roomNameLength.max)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'a room name is lower-case letters, digits and dashes');

/** Message or whisper text: trimmed, 1–2000 characters. */
export const textSchema = z
  .string()
  .trim()
  .min(1, 'the text is empty')
  .max(limits.messageLength, `the text has more than ${limits.messageLength} characters`);

const idSchema = z.string().min(1).max(64);

const pointSchema = z.strictObject({
  x: z.number().min(0).max(1),
  y: z.number().min(0).max(1),
});

/** What a connecting client puts in `auth`. */
export const handshakeAuthSchema = z.strictObject({
  nickname: nicknameSchema,
  token: z.string().min(1).max(128).optional(),
});

/** Every client→server payload's schema, by event name. */
export const clientPayloadSchemas = {
  'room:list': z.strictObject({}),
  'room:join': z.strictObject({ room: roomNameSchema }),
  'room:leave': z.strictObject({ room: roomNameSchema }),
  'room:switch': z.strictObject({ room: roomNameSchema }),
  'message:send': z.strictObject({ room: roomNameSchema, text: textSchema }),
  'whisper:send': z.strictObject({ to: idSchema, text: textSchema }),
  'typing:start': z.strictObject({ room: roomNameSchema }),
  'typing:stop': z.strictObject({ room: roomNameSchema }),
  'poll:create': z
    .strictObject({
      room: roomNameSchema,
      question: z.string().trim().min(1).max(limits.pollQuestionLength),
      options: z
        .array(z.string().trim().min(1, 'an option is empty').max(limits.pollOptionLength))
        .min(limits.pollOptions.min)
        .max(limits.pollOptions.max),
    })
    .refine(
      (poll) => new Set(poll.options.map((o) => o.toLowerCase())).size === poll.options.length,
      { message: 'the options must all be different', path: ['options'] },
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
      color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is #rrggbb'),
      width: z.number().min(limits.canvasLineWidth.min).max(limits.canvasLineWidth.max),
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
