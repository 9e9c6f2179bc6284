// The wire contract of demo 4 (see src/protocol.ts), row by row, and the flaws
// of the original that this demo fixes: ids and timestamps came from the
// client, missing fields crashed the handler, and any website could connect.
import { connect, disconnectAll, expectNoEvent, nextEvent, startApp } from '@funws/testkit';
import type { Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import type { Message, MessageHistoryPayload } from '../src/protocol.ts';
import { type Client, connectListening, disconnectListening, isIsoTimestamp } from './helpers.ts';

let running: Awaited<ReturnType<typeof startApp>>;
beforeEach(async () => {
  running = await startApp(createApp);
});
afterEach(async () => {
  disconnectAll();
  disconnectListening();
  await running.close();
});

/** Connects a client and returns it with the history it received on connect. */
async function join(url: string) {
  const { socket, first } = connectListening<MessageHistoryPayload>(url, 'message_history');
  return { socket, history: (await first).messages };
}

describe('message_history', () => {
  it('sends the messages so far to a newcomer, oldest first, and to nobody else', async () => {
    const alice = await connect<Client>(running.url);
    await alice.emitWithAck('send_message', { text: 'one' });
    await alice.emitWithAck('send_message', { text: 'two' });
    const aliceHearsNoHistory = expectNoEvent(alice, 'message_history');
    const bob = await join(running.url);
    await aliceHearsNoHistory;
    expect(bob.history.map((m) => m.text)).toEqual(['one', 'two']);
  });

  it('keeps the messages of one app to itself: a second app starts empty', async () => {
    const alice = await connect<Client>(running.url);
    await alice.emitWithAck('send_message', { text: 'in the first app' });
    const other = await startApp(createApp);
    try {
      expect((await join(other.url)).history).toEqual([]);
    } finally {
      await other.close();
    }
  });
});

describe('send_message → new_message', () => {
  it('answers the acknowledgement with { ok: true }', async () => {
    const alice = await connect<Client>(running.url);
    expect(await alice.emitWithAck('send_message', { text: 'hi' })).toEqual({ ok: true });
  });

  it('broadcasts { id, text, timestamp } with a server-made UUID and an ISO server time', async () => {
    const alice = await connect<Client>(running.url);
    const bob = await connect<Client>(running.url);
    const arrived = nextEvent<Message>(bob, 'new_message', { timeoutMs: 1000 });
    await alice.emitWithAck('send_message', { text: '  hello  ' });
    const message = await arrived;
    expect(Object.keys(message).sort()).toEqual(['id', 'text', 'timestamp']);
    expect(message.text).toBe('hello');
    expect(message.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(isIsoTimestamp(message.timestamp)).toBe(true);
    expect(Math.abs(Date.parse(message.timestamp) - Date.now())).toBeLessThan(5000);
  });

  it('ignores an id, a timestamp and any other field sent by the client', async () => {
    const raw: Socket = await connect(running.url);
    const arrived = nextEvent<Message>(raw, 'new_message', { timeoutMs: 1000 });
    await raw.emitWithAck('send_message', {
      text: 'forged?',
      id: 'my-own-id',
      timestamp: '1999-01-01T00:00:00.000Z',
      nickname: 'admin',
    });
    const message = await arrived;
    expect(message.id).not.toBe('my-own-id');
    expect(message.timestamp).not.toBe('1999-01-01T00:00:00.000Z');
    expect(message).not.toHaveProperty('nickname');
  });

  it('gives every message its own id', async () => {
    const alice = await connect<Client>(running.url);
    for (const text of ['a', 'b', 'c']) await alice.emitWithAck('send_message', { text });
    const { history } = await join(running.url);
    expect(new Set(history.map((m) => m.id)).size).toBe(3);
  });

  it('broadcasts HTML unchanged: escaping is the browser’s job, when it shows the text', async () => {
    const alice = await connect<Client>(running.url);
    const arrived = nextEvent<Message>(alice, 'new_message', { timeoutMs: 1000 });
    await alice.emitWithAck('send_message', { text: '<script>alert(1)</script>' });
    expect((await arrived).text).toBe('<script>alert(1)</script>');
  });
});

describe('bad payloads', () => {
  const refused = [
    ['null', [null]],
    ['a string instead of an object', ['hello']],
    ['an empty object', [{}]],
    ['a text that is not a string', [{ text: 42 }]],
    ['an old-style { message } field', [{ message: 'hi' }]],
    ['an empty text', [{ text: '' }]],
    ['a text of 501 characters', [{ text: 'x'.repeat(501) }]],
    ['a text holding NUL', [{ text: 'a\u0000b' }]],
    ['a text holding half a surrogate pair', [{ text: 'half \ud83d' }]],
    ['a payload and then extra arguments', [{ text: 'hi' }, 'extra']],
  ] as const;

  for (const [what, args] of refused) {
    it(`refuses ${what} with an invalid_payload error, stores and broadcasts nothing`, async () => {
      const raw = await connect(running.url);
      const nothingBroadcast = expectNoEvent(raw, 'new_message', { withinMs: 200 });
      const ack = await raw.emitWithAck('send_message', ...args);
      await nothingBroadcast;
      expect(ack).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
      expect(ack.error.message).toMatch(/500|U\+|arguments/);
      expect((await join(running.url)).history).toEqual([]);
    });
  }

  it('keeps working when a client sends no payload, no acknowledgement, or a non-function', async () => {
    const raw: Socket = await connect(running.url);
    raw.emit('send_message');
    raw.emit('send_message', { text: '' });
    raw.emit('send_message', { text: 'no ack' });
    raw.emit('send_message', { text: 'odd ack' }, 'not a function');
    expect(await raw.emitWithAck('send_message', { text: 'still here' })).toEqual({ ok: true });
    const { history } = await join(running.url);
    expect(history.map((m) => m.text)).toEqual(['no ack', 'odd ack', 'still here']);
  });
});

describe('origin check', () => {
  it('refuses a socket opened by a page from another website', async () => {
    const foreign = connect(running.url, {
      transports: ['polling'],
      extraHeaders: { origin: 'http://evil.example' },
    });
    await expect(foreign).rejects.toThrow(/Could not connect/);
  });
});
