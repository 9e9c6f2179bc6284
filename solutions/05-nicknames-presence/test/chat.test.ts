// The message rows of demo 5's contract (see src/protocol.ts), and the flaws
// of the original that apply: nicknames, ids and timestamps taken from the
// client, and missing fields that crashed the handler.
import { connect, disconnectAll, expectNoEvent, nextEvent, startApp } from '@funws/testkit';
import type { Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import type { Message, MessageHistoryPayload } from '../src/protocol.ts';
import { type Client, isIsoTimestamp, joinAs } from './helpers.ts';

// These tests send more events than one browser tab may (the rate limit), on purpose.
const floodable = { rateLimit: { burst: 10_000, perSecond: 10_000 } };

let running: Awaited<ReturnType<typeof startApp>>;
beforeEach(async () => {
  running = await startApp((options) => createApp({ ...options, ...floodable }));
});
afterEach(async () => {
  disconnectAll();
  await running.close();
});

/** Joins as `nickname` and returns the history the server sent after the join. */
async function historyFor(nickname: string) {
  const socket = await connect<Client>(running.url);
  const history = nextEvent<MessageHistoryPayload>(socket, 'message_history', { timeoutMs: 1000 });
  await socket.emitWithAck('join_chat', { nickname });
  return (await history).messages;
}

describe('send_message before joining', () => {
  it('refuses with not_joined and broadcasts nothing', async () => {
    const alice = await joinAs(running.url, 'Alice');
    const stranger = await connect<Client>(running.url);
    const nothing = expectNoEvent(alice.socket, 'new_message', { withinMs: 200 });
    const ack = await stranger.emitWithAck('send_message', { text: 'let me in' });
    await nothing;
    expect(ack).toMatchObject({ ok: false, error: { code: 'not_joined' } });
  });

  it('sends no history to a connection that has not joined', async () => {
    const stranger = await connect<Client>(running.url);
    await expectNoEvent(stranger, 'message_history', { withinMs: 200 });
  });
});

describe('send_message → new_message', () => {
  it('broadcasts { id, type, text, nickname, userId, timestamp } made by the server', async () => {
    const alice = await joinAs(running.url, 'Alice');
    const arrived = nextEvent<Message>(alice.socket, 'new_message', { timeoutMs: 1000 });
    expect(await alice.socket.emitWithAck('send_message', { text: '  hello  ' })).toEqual({
      ok: true,
    });
    const message = await arrived;
    expect(Object.keys(message).sort()).toEqual([
      'id',
      'nickname',
      'text',
      'timestamp',
      'type',
      'userId',
    ]);
    expect(message).toMatchObject({
      type: 'user',
      text: 'hello',
      nickname: 'Alice',
      userId: alice.user.id,
    });
    expect(message.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(isIsoTimestamp(message.timestamp)).toBe(true);
    expect(Math.abs(Date.parse(message.timestamp) - Date.now())).toBeLessThan(5000);
  });

  it('ignores a forged nickname, user id, message id, type and timestamp', async () => {
    const mallory = await joinAs(running.url, 'Mallory');
    const alice = await joinAs(running.url, 'Alice');
    const arrived = nextEvent<Message>(alice.socket, 'new_message', { timeoutMs: 1000 });
    await (mallory.socket as unknown as Socket).emitWithAck('send_message', {
      text: 'trust me',
      nickname: 'Alice',
      userId: alice.user.id,
      id: 'my-id',
      type: 'system',
      timestamp: '1999-01-01T00:00:00.000Z',
    });
    const message = await arrived;
    expect(message).toMatchObject({ nickname: 'Mallory', userId: mallory.user.id, type: 'user' });
    expect(message.id).not.toBe('my-id');
    expect(message.timestamp).not.toBe('1999-01-01T00:00:00.000Z');
  });

  it('keeps HTML in a message and a nickname as it is: escaping is the browser’s job', async () => {
    const nickname = '<img src=x onerror=alert(1)>';
    const alice = await joinAs(running.url, nickname);
    const arrived = nextEvent<Message>(alice.socket, 'new_message', { timeoutMs: 1000 });
    await alice.socket.emitWithAck('send_message', { text: '<script>alert(1)</script>' });
    expect(await arrived).toMatchObject({ nickname, text: '<script>alert(1)</script>' });
  });

  it('keeps the last 100 messages, oldest first, for those who join later', async () => {
    const alice = await joinAs(running.url, 'Alice');
    for (let i = 1; i <= 102; i++)
      await alice.socket.emitWithAck('send_message', { text: `m${i}` });
    const history = await historyFor('Bob');
    expect(history).toHaveLength(100);
    expect(history[0]).toMatchObject({ text: 'm3', nickname: 'Alice', userId: alice.user.id });
    expect(history.at(-1)?.text).toBe('m102');
  });

  it('keeps a message signed with its sender’s nickname after the sender has left', async () => {
    const alice = await joinAs(running.url, 'Alice');
    await alice.socket.emitWithAck('send_message', { text: 'bye' });
    alice.socket.disconnect();
    expect((await historyFor('Bob'))[0]).toMatchObject({ text: 'bye', nickname: 'Alice' });
  });
});

describe('bad payloads', () => {
  const refused = [
    ['null', [null]],
    ['an empty object', [{}]],
    ['a text that is not a string', [{ text: ['hi'] }]],
    ['a text of only spaces', [{ text: '  ' }]],
    ['a text of 501 characters', [{ text: 'x'.repeat(501) }]],
  ] as const;
  for (const [what, args] of refused) {
    it(`refuses ${what} with invalid_payload and broadcasts nothing`, async () => {
      const alice = await joinAs(running.url, 'Alice');
      const raw = alice.socket as unknown as Socket;
      const nothing = expectNoEvent(raw, 'new_message', { withinMs: 200 });
      const ack = await raw.emitWithAck('send_message', ...args);
      await nothing;
      expect(ack).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    });
  }

  it('keeps working when a client sends no payload, no acknowledgement, or a non-function', async () => {
    const alice = await joinAs(running.url, 'Alice');
    const raw = alice.socket as unknown as Socket;
    raw.emit('send_message');
    raw.emit('send_message', { text: 'no ack' });
    raw.emit('send_message', { text: 'odd ack' }, 42);
    expect(await raw.emitWithAck('send_message', { text: 'still here' })).toEqual({ ok: true });
    expect((await historyFor('Bob')).map((m) => m.text)).toEqual([
      'no ack',
      'odd ack',
      'still here',
    ]);
  });
});
