// Bad input never crashes the server and never reaches anyone else: missing fields,
// wrong types, no acknowledgement callback, or something that is not a function.
// (The original raised an exception in the handler when a field was missing.)
import { connect, expectNoEvent, nextEvent } from '@funws/testkit';
import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_LENGTH, type Message } from '../src/protocol.ts';
import { type Client, connectClient, joinAs, useApp } from './helpers.ts';

/** Sends a raw, untyped payload: what a broken or hostile client could send. */
function emitRaw(socket: Client, event: string, ...args: unknown[]) {
  // biome-ignore lint/suspicious/noExplicitAny: deliberately bypassing the event map
  return (socket as any).emitWithAck(event, ...args) as Promise<unknown>;
}

const badPayloads: unknown[] = [undefined, null, 42, 'text', [], {}];

describe('payload validation', () => {
  const running = useApp();

  it('answers join_room with a missing or wrongly typed field with an error ack', async () => {
    const socket = await connectClient(running().url);
    for (const payload of [...badPayloads, { nickname: 5, room: 'general' }, { room: 'general' }]) {
      const ack = await emitRaw(socket, 'join_room', payload);
      expect(ack, `payload ${JSON.stringify(payload)}`).toMatchObject({
        ok: false,
        error: { code: 'nickname_invalid' },
      });
    }
    for (const payload of [{ nickname: 'alice' }, { nickname: 'alice', room: ['general'] }]) {
      const ack = await emitRaw(socket, 'join_room', payload);
      expect(ack, `payload ${JSON.stringify(payload)}`).toMatchObject({
        ok: false,
        error: { code: 'unknown_room' },
      });
    }
  });

  it('answers send_message, send_whisper and switch_room with bad payloads with an error ack', async () => {
    const alice = await joinAs(running().url, 'alice', 'general');
    const bob = await joinAs(running().url, 'bob', 'general');
    const bobHearsNothing = expectNoEvent(bob, 'new_message');
    for (const payload of [...badPayloads, { text: 7 }]) {
      const ack = await emitRaw(alice, 'send_message', payload);
      expect(ack).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    }
    for (const payload of [...badPayloads, { to: 'bob' }, { text: 'hi' }, { to: 1, text: 'x' }]) {
      const ack = await emitRaw(alice, 'send_whisper', payload);
      expect(ack).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    }
    for (const payload of [null, 42, 'tech']) {
      const ack = await emitRaw(alice, 'switch_room', payload);
      expect(ack).toMatchObject({ ok: false });
    }
    await bobHearsNothing;
  });

  it('refuses empty and over-long messages, and accepts exactly 500 characters', async () => {
    const alice = await joinAs(running().url, 'alice', 'general');
    for (const text of ['', '   ', 'x'.repeat(MAX_MESSAGE_LENGTH + 1)]) {
      const ack = await alice.emitWithAck('send_message', { text });
      expect(ack).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    }
    const ok = await alice.emitWithAck('send_message', { text: 'x'.repeat(MAX_MESSAGE_LENGTH) });
    expect(ok.ok).toBe(true);
  });

  it('keeps working when events come without an ack, or with an ack that is not a function', async () => {
    const alice = await joinAs(running().url, 'alice', 'general');
    const bob = await joinAs(running().url, 'bob', 'general');
    // No callback at all, and a non-function "callback": the server has nobody to answer.
    // biome-ignore lint/suspicious/noExplicitAny: a hostile client sends whatever it likes
    const raw = alice as any;
    raw.emit('send_message', { text: '' });
    raw.emit('join_room', { nickname: 'bob', room: 'general' });
    raw.emit('switch_room', { room: 'nowhere' });
    raw.emit('send_whisper', { to: 'nobody', text: 'hi' });
    raw.emit('send_message', { text: 'still fine' }, 'not a function');
    const message = await nextEvent<Message>(bob, 'new_message');
    expect(message.text).toBe('still fine');
    const ack = await alice.emitWithAck('send_message', { text: 'and answering' });
    expect(ack.ok, 'the server still answers afterwards').toBe(true);
  });

  it('passes user text through as plain data: escaping is the page’s job', async () => {
    const alice = await joinAs(running().url, '<b>alice</b>', 'general');
    const bob = await joinAs(running().url, 'bob', 'general');
    const payload = '<img src=x onerror=alert(1)>';
    const bobHears = nextEvent<Message>(bob, 'new_message');
    await alice.emitWithAck('send_message', { text: payload });
    expect(await bobHears).toMatchObject({ text: payload, nickname: '<b>alice</b>' });
  });
});

describe('origin check', () => {
  const running = useApp();

  it('refuses a socket opened by a page from another website', async () => {
    // (The original used cors_allowed_origins="*": any website could connect.)
    const foreign = connect(running().url, {
      transports: ['polling'],
      extraHeaders: { origin: 'http://evil.example' },
    });
    await expect(foreign).rejects.toThrow(/Could not connect/);
  });
});
