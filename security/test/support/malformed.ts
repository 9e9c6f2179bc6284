// Malformed payloads, made by fast-check from a fixed seed so that a failure
// reproduces: every run sends the same payloads in the same order, and
// FUZZ_SEED picks another set. A payload here is malformed by construction:
// at least one required field is missing or wrong, or the whole payload is not
// an object, so a server that accepts one has a bug.
import fc from 'fast-check';

/** The seed of every sample; FUZZ_SEED overrides it. */
export const seed = Number(process.env.FUZZ_SEED ?? 9_2026);
/** Payloads per client→server event; FUZZ_RUNS overrides it (at least 1,000 in CI). */
export const runsPerEvent = Number(process.env.FUZZ_RUNS ?? 1000);

/** Stands for "no payload at all": `emit(event, ack)`. */
export const missing = Symbol('no payload');

/** One field of a payload: how it looks when right, and ways to get it wrong. */
export interface FieldSpec {
  valid: fc.Arbitrary<unknown>;
  invalid: fc.Arbitrary<unknown>;
}

/** How the arguments after the payload look. */
export type AckMode = 'ack' | 'no ack' | 'non-function ack' | 'extra arguments and an ack';

/** One emit: the event's arguments before any ack, and how it is acknowledged. */
export interface Emission {
  payload: unknown;
  mode: AckMode;
  /** For 'non-function ack' and 'extra arguments…': what stands in the ack's place, or before it. */
  extra: unknown;
}

/** Strings of any code point, unpaired surrogates included. */
const anyText = fc.string({ unit: 'binary', maxLength: 40 });

/**
 * Longer than any limit of ours (2,000 characters), yet short enough that a
 * payload holding several (up to 12 KiB each once JSON escapes them) stays
 * under the library's packet limit of 64 KiB; a bigger packet makes socket.io
 * close the connection, which `oversized packet` tests on its own.
 */
export const hugeString = fc
  .tuple(fc.integer({ min: 2_001, max: 6_000 }), fc.constantFrom('x', '<', '"', '\\', ' '))
  .map(([length, unit]) => unit.repeat(length));

/** Objects and arrays nested 50 to 400 deep. */
export const deepNesting = fc
  .tuple(fc.integer({ min: 50, max: 400 }), fc.boolean())
  .map(([depth, arrays]) => {
    let value: unknown = 'bottom';
    for (let level = 0; level < depth; level += 1) value = arrays ? [value] : { a: value };
    return value;
  });

/** Binary data: socket.io sends it as an attachment, not as JSON. */
export const binary = fc.uint8Array({ maxLength: 512 }).map((bytes) => Buffer.from(bytes));

/** An object whose own keys are `__proto__`, `constructor` or `prototype` (as JSON.parse makes them). */
export const prototypeKeys = fc
  .tuple(fc.constantFrom('__proto__', 'constructor', 'prototype'), fc.jsonValue({ maxDepth: 2 }))
  .map(([key, value]) => JSON.parse(`{${JSON.stringify(key)}:${JSON.stringify(value)}}`) as object);

/** Characters that must never reach a page or a log unnoticed. */
export const nastyText = fc.constantFrom(
  'a\u0000b',
  'half \ud83d',
  '\udc00 low half',
  '\u202eevil',
  'bob\u200b',
  '<script>alert(1)</script>',
);

/** A value of the wrong kind for a field, or a whole payload of the wrong kind. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  anyText,
  hugeString,
  deepNesting,
  binary,
  prototypeKeys,
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 8 }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Text a required text field of at most `max` characters must refuse. */
export function invalidText(max: number): fc.Arbitrary<unknown> {
  return fc.oneof(
    junk.filter((value) => typeof value !== 'string'),
    fc.constantFrom('', '   ', '\n\t'),
    fc.integer({ min: max + 1, max: max + 5_000 }).map((length) => 'x'.repeat(length)),
    fc.constantFrom('a\u0000b', 'half \ud83d', '\udc00 low half'),
  );
}

/** A nickname every demo and the library must refuse. */
export const invalidNickname = fc.oneof(
  invalidText(32),
  fc.constantFrom('bob\u200b', '\u202ebob', 'b\u200dob', 'b\u0000ob', 'bo\u2028b', '\ue000x'),
);

/** A whole payload that is not a plain object. */
export const notAnObject = junk.filter(
  (value) =>
    typeof value !== 'object' || value === null || Array.isArray(value) || Buffer.isBuffer(value),
);

/** Payloads for an event whose payload is an empty object: any key at all, or no object. */
export const notEmptyObject: fc.Arbitrary<unknown> = fc.oneof(
  fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), junk, { minKeys: 1, maxKeys: 3 }),
  prototypeKeys,
  notAnObject,
);

/** Keys no payload of ours has, with any value. */
const extraKeys = fc.dictionary(
  fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.constantFrom('nickname', 'userId', 'id')),
  junk,
  { maxKeys: 3 },
);

/**
 * Payloads for an object event with these fields: at least one field missing or
 * wrong, the others right or wrong, maybe extra keys and `__proto__`; or not an
 * object at all; or no payload.
 */
export function malformedObject(
  fields: Record<string, FieldSpec>,
  { allowMissing = true }: { allowMissing?: boolean } = {},
): fc.Arbitrary<unknown> {
  const names = Object.keys(fields);
  const broken = fc
    .tuple(
      fc.subarray(names, { minLength: 1 }),
      fc.tuple(...names.map((name) => fields[name]!.valid)),
      fc.tuple(
        ...names.map((name) =>
          fc.oneof(fields[name]!.invalid, fc.constant(missing)).map((value) => value),
        ),
      ),
      extraKeys,
      fc.option(prototypeKeys, { nil: undefined }),
    )
    .map(([wrong, good, bad, extra, proto]) => {
      const payload: Record<string, unknown> = { ...extra };
      names.forEach((name, index) => {
        const value = wrong.includes(name) ? bad[index] : good[index];
        if (value !== missing) payload[name] = value;
        else delete payload[name];
      });
      // Own keys that JSON.parse would make, e.g. a real "__proto__" key.
      return proto ? Object.assign(JSON.parse(JSON.stringify(proto)) as object, payload) : payload;
    });
  const options: fc.Arbitrary<unknown>[] = [broken, broken, broken, notAnObject];
  if (allowMissing) options.push(fc.constant(missing));
  return fc.oneof(...options);
}

/**
 * Arguments for an event that takes no payload: three or more, so always more
 * than a payload and an ack (a payload alone, or with a non-function where the
 * ack goes, is ignored by such an event, not refused).
 */
export const tooManyArguments: fc.Arbitrary<unknown> = fc
  .array(junk, { minLength: 3, maxLength: 5 })
  .map((values) => ({ [tooMany]: values }));
const tooMany = Symbol('several payloads');

/** The arguments a payload from {@link tooManyArguments} stands for, if it is one. */
export function spreadArguments(payload: unknown): unknown[] | undefined {
  if (typeof payload === 'object' && payload !== null && tooMany in payload) {
    return (payload as Record<symbol, unknown[]>)[tooMany];
  }
  return undefined;
}

const nonFunction = fc.oneof(
  fc.integer(),
  fc.string({ maxLength: 8 }),
  fc.constant(null),
  fc.object(),
);

/** How each payload is sent: with an ack, without, with a non-function, with extra arguments. */
export function emissions(payloads: fc.Arbitrary<unknown>): fc.Arbitrary<Emission> {
  return fc.record({
    payload: payloads,
    mode: fc.constantFrom<AckMode>(
      'ack',
      'ack',
      'no ack',
      'non-function ack',
      'extra arguments and an ack',
    ),
    extra: nonFunction,
  });
}

/** `count` emissions for one event, the same ones on every run with the same seed. */
export function sampleEmissions(payloads: fc.Arbitrary<unknown>, count = runsPerEvent): Emission[] {
  return fc.sample(emissions(payloads), { seed, numRuns: count });
}

/** The arguments to pass to `emit` after the event name, before any ack. */
export function argumentsOf(emission: Emission): unknown[] {
  const spread = spreadArguments(emission.payload);
  const base = spread ?? (emission.payload === missing ? [] : [emission.payload]);
  if (emission.mode === 'non-function ack') return [...base, emission.extra];
  if (emission.mode === 'extra arguments and an ack') return [...base, emission.extra];
  return base;
}

/** Whether this emission carries an ack (a function, last). */
export function hasAck(emission: Emission): boolean {
  return emission.mode === 'ack' || emission.mode === 'extra arguments and an ack';
}
