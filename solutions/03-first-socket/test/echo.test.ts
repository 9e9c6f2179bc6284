// The wire contract of demo 3 (see src/protocol.ts), row by row, and the flaws
// of the original that this demo fixes: missing fields crashed the handler,
// and any website could connect.
import { connect, disconnectAll, expectNoEvent, nextEvent, startApp } from '@funws/testkit';
import type { Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import type { EchoResponse, StatusPayload } from '../src/protocol.ts';
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

async function echo(client: Client, payload: { message: string; username?: string }) {
  const echoed = nextEvent<EchoResponse>(client, 'echo_response', { timeoutMs: 1000 });
  const ack = await client.emitWithAck('echo_message', payload);
  return { ack, echo: await echoed };
}

describe('status', () => {
  it('greets every client that connects, each with its own status event', async () => {
    const a = connectListening<StatusPayload>(running.url, 'status');
    const b = connectListening<StatusPayload>(running.url, 'status');
    const [first, second] = await Promise.all([a.first, b.first]);
    expect(first.msg).toMatch(/connected/i);
    expect(second).toEqual(first);
  });
});

describe('echo_message → echo_response', () => {
  it('answers the acknowledgement with { ok: true }', async () => {
    const alice = await connect<Client>(running.url);
    const { ack } = await echo(alice, { message: 'hi' });
    expect(ack).toEqual({ ok: true });
  });

  it('uses Anonymous when the username is missing, empty or only spaces', async () => {
    const alice = await connect<Client>(running.url);
    expect((await echo(alice, { message: 'a' })).echo.username).toBe('Anonymous');
    expect((await echo(alice, { message: 'b', username: '' })).echo.username).toBe('Anonymous');
    expect((await echo(alice, { message: 'c', username: '   ' })).echo.username).toBe('Anonymous');
  });

  it('trims spaces around the message and the username', async () => {
    const alice = await connect<Client>(running.url);
    const { echo: echoed } = await echo(alice, { message: '  hi  ', username: '  Alice ' });
    expect(echoed.message).toBe('hi');
    expect(echoed.username).toBe('Alice');
  });

  it('accepts a message of exactly 500 characters and a username of 32', async () => {
    const alice = await connect<Client>(running.url);
    const { echo: echoed } = await echo(alice, {
      message: 'm'.repeat(500),
      username: 'u'.repeat(32),
    });
    expect(echoed.message).toHaveLength(500);
    expect(echoed.username).toHaveLength(32);
  });

  it('stamps the echo with the server clock and ignores a timestamp sent by the client', async () => {
    const raw = await connect(running.url);
    const echoed = nextEvent<EchoResponse>(raw, 'echo_response', { timeoutMs: 1000 });
    await raw.emitWithAck('echo_message', { message: 'hi', timestamp: '1999-01-01T00:00:00.000Z' });
    const { timestamp } = await echoed;
    expect(isIsoTimestamp(timestamp)).toBe(true);
    expect(Math.abs(Date.parse(timestamp) - Date.now())).toBeLessThan(5000);
  });

  it('echoes HTML unchanged: escaping is the browser’s job, when it shows the text', async () => {
    const alice = await connect<Client>(running.url);
    const payload = '<img src=x onerror=alert(1)>';
    expect((await echo(alice, { message: payload, username: payload })).echo).toMatchObject({
      message: payload,
      username: payload,
    });
  });
});

describe('bad payloads', () => {
  const refused = [
    ['null', [null]],
    ['a number', [42]],
    ['an empty object', [{}]],
    ['a message that is not a string', [{ message: 42 }]],
    ['an empty message', [{ message: '' }]],
    ['a message of only spaces', [{ message: '   ' }]],
    ['a message of 501 characters', [{ message: 'm'.repeat(501) }]],
    ['a username of 33 characters', [{ message: 'hi', username: 'u'.repeat(33) }]],
    ['a message holding NUL', [{ message: 'a\u0000b' }]],
    ['a message holding half a surrogate pair', [{ message: 'half \ud83d' }]],
    ['a username holding NUL', [{ message: 'hi', username: 'b\u0000ob' }]],
    ['a payload and then extra arguments', [{ message: 'hi' }, 'extra']],
  ] as const;

  for (const [what, args] of refused) {
    it(`refuses ${what} with an invalid_payload error and echoes nothing`, async () => {
      const raw = await connect(running.url);
      const noEcho = expectNoEvent(raw, 'echo_response', { withinMs: 200 });
      const ack = await raw.emitWithAck('echo_message', ...args);
      await noEcho;
      expect(ack).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
      expect(typeof ack.error.message).toBe('string');
    });
  }

  it('keeps working when a client sends no acknowledgement callback, or a non-function', async () => {
    const raw: Socket = await connect(running.url);
    raw.emit('echo_message', { message: 'no ack' });
    raw.emit('echo_message', {});
    raw.emit('echo_message');
    const echoed = nextEvent<EchoResponse>(raw, 'echo_response', {
      timeoutMs: 1000,
      where: (e: EchoResponse) => e.message === 'odd ack',
    });
    raw.emit('echo_message', { message: 'odd ack' }, 'not a function');
    await echoed;
    expect(await raw.emitWithAck('echo_message', { message: 'still here' })).toEqual({ ok: true });
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
