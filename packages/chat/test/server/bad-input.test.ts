import { expectNoEvent, nextEvent } from '@funws/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ClientEventName,
  type ClientPayload,
  clientPayloadSchemas,
  limits,
} from '../../src/protocol/index.ts';
import {
  cleanUp,
  expectOk,
  expectRefused,
  member,
  rawRequest,
  request,
  startChat,
  type TestUser,
} from './helpers.ts';

// A hostile client can send anything: no payload, a string, an array, huge
// strings, prototype-polluting keys, unknown events. For every client→server
// event the server must answer `invalid_payload`, keep running, and let
// nothing reach anybody else.

const events = Object.keys(clientPayloadSchemas) as ClientEventName[];

/** A payload each event would accept (the feature may still refuse it; validation comes first). */
const valid: { [E in ClientEventName]: ClientPayload<E> } = {
  'room:list': {},
  'room:join': { room: 'general' },
  'room:leave': { room: 'general' },
  'room:switch': { room: 'general' },
  'message:send': { room: 'general', text: 'hello' },
  'whisper:send': { to: 'someone', text: 'psst' },
  'typing:start': { room: 'general' },
  'typing:stop': { room: 'general' },
  'poll:create': { room: 'general', question: 'Q?', options: ['a', 'b'] },
  'poll:vote': { pollId: 'p', optionId: 'o' },
  'poll:close': { pollId: 'p' },
  'reaction:toggle': { room: 'general', messageId: 'm', emoji: '👍' },
  'canvas:draw': {
    room: 'general',
    segment: { from: { x: 0, y: 0 }, to: { x: 1, y: 1 }, color: '#000000', width: 2 },
  },
  'canvas:clear': { room: 'general' },
};

// Below maxHttpBufferSize (64 KiB), so it reaches validation rather than being cut off by socket.io.
const huge = 'x'.repeat(60_000);

/** Every malformed variant of one event's payload, with a label for failure messages. */
function badPayloads(event: ClientEventName): [label: string, args: unknown[]][] {
  const good = valid[event] as Record<string, unknown>;
  const fields = Object.keys(good);
  return [
    // An event without fields takes no payload (non-JavaScript clients send none).
    ...(fields.length > 0 ? [['no payload at all', []] as [string, unknown[]]] : []),
    ['a string', ['general']],
    ['a number', [42]],
    ['an array', [[good]]],
    ['null', [null]],
    ['an unknown field', [{ ...good, admin: true }]],
    ['a prototype-polluting __proto__ key', [withProto(good)]],
    ['a constructor.prototype key', [{ ...good, constructor: { prototype: { polluted: 1 } } }]],
    ...fields.flatMap((field): [string, unknown[]][] => [
      [`${field} missing`, [omit(good, field)]],
      [`${field} a number`, [{ ...good, [field]: 42 }]],
      [`${field} an object`, [{ ...good, [field]: { toString: 'general' } }]],
      [`${field} a huge string`, [{ ...good, [field]: huge }]],
    ]),
    ...(fields.length === 0
      ? [['a huge unknown field', [{ padding: huge }]] as [string, unknown[]]]
      : []),
  ];
}

/** `good` plus an own `__proto__` key, as JSON.parse makes it (an object literal would set the prototype instead). */
function withProto(good: Record<string, unknown>): unknown {
  const rest = JSON.stringify(good).slice(1, -1);
  return JSON.parse(`{"__proto__":{"polluted":1}${rest ? `,${rest}` : ''}}`);
}

function omit(object: Record<string, unknown>, key: string): Record<string, unknown> {
  const { [key]: _dropped, ...rest } = object;
  return rest;
}

let url: string;
let attacker: TestUser;
let bystander: TestUser;

beforeAll(async () => {
  ({ url } = await startChat({
    rooms: ['general'],
    limits: { rateLimit: { burst: 10_000, perSecond: 10_000 } },
  }));
  attacker = await member(url, 'attacker');
  bystander = await member(url, 'bystander');
});
afterAll(cleanUp);

describe.each(events)('bad input for %s', (event) => {
  it('answers every malformed payload with invalid_payload and tells nobody else', async () => {
    const heardBefore = bystander.received.length;
    for (const [label, args] of badPayloads(event)) {
      const result = await rawRequest(attacker.socket, event, ...args);
      expect(result, `${event} with ${label}`).toEqual({
        ok: false,
        error: { code: 'invalid_payload', message: expect.stringContaining(event) },
      });
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    await expectNoEvent(bystander.socket, 'chat:error', { withinMs: 50 });
    expect(bystander.received.slice(heardBefore)).toEqual([]);
  });

  it('sends chat:error to the sender alone when there is no ack', async () => {
    const toBystander = expectNoEvent(bystander.socket, 'chat:error', { withinMs: 100 });
    const error = nextEvent(attacker.socket, 'chat:error');
    (attacker.socket as unknown as { emit(event: string, payload: unknown): void }).emit(
      event,
      'garbage',
    );
    expect(await error).toEqual({
      event,
      error: { code: 'invalid_payload', message: expect.any(String) },
    });
    await toBystander;
  });

  it('still accepts a fresh client that chats', async () => {
    const fresh = await member(url, `fresh-${event.replace(':', '-')}`);
    const heard = nextEvent(bystander.socket, 'message:new');
    expectOk(
      await request(fresh.socket, 'message:send', { room: 'general', text: `after ${event}` }),
    );
    expect(await heard).toMatchObject({ text: `after ${event}` });
    // Wait for the farewell, so that the next test starts with a quiet bystander.
    const gone = nextEvent(bystander.socket, 'presence:diff');
    fresh.socket.disconnect();
    await gone;
  });
});

describe('unexpected calls', () => {
  it('answers an unknown event that has an ack with invalid_payload, and ignores one without', async () => {
    expectRefused(
      await rawRequest(attacker.socket, 'admin:grant', { all: true }),
      'invalid_payload',
    );
    expectRefused(await rawRequest(attacker.socket, '__proto__', {}), 'invalid_payload');
    const quiet = expectNoEvent(attacker.socket, 'chat:error', { withinMs: 100 });
    (attacker.socket as unknown as { emit(event: string): void }).emit('admin:grant');
    await quiet;
  });

  it('ignores extra arguments after the payload', async () => {
    const result = await rawRequest(attacker.socket, 'room:list', {}, 'extra', 42);
    expect(result).toMatchObject({ ok: true });
  });

  it('cuts off a packet larger than the limit without disturbing anybody else', async () => {
    const bigSender = await member(url, 'big-sender');
    const dropped = new Promise((resolve) => bigSender.socket.once('disconnect', resolve));
    const heard = expectNoEvent(bystander.socket, 'message:new', { withinMs: 200 });
    bigSender.socket.emit('message:send', {
      room: 'general',
      text: 'x'.repeat(limits.maxPacketBytes + 1),
    });
    expect(await dropped).toBe('transport close');
    await heard;
    expectOk(await request(bystander.socket, 'room:list', {}));
  });
});
