// The raw WebSocket echo: every contract row, the limits, and the Origin check.
import { createServer } from 'node:http';
import { type Listening, listen, type RunningApp, startApp } from '@funws/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createApp } from '../src/app.ts';
import { MAX_RAW_PAYLOAD_BYTES } from '../src/protocol.ts';
import { routeUpgrades } from '../src/raw-echo.ts';
import { closeAllRaw, nextClose, nextReply, openRaw, rawUrlOf, refusedStatus } from './helpers.ts';

let running: RunningApp<ReturnType<typeof createApp>> | undefined;
let rawServer: Listening | undefined;
afterEach(async () => {
  closeAllRaw();
  await running?.close();
  await rawServer?.close();
  running = undefined;
  rawServer = undefined;
});

async function start() {
  running = await startApp(createApp);
  return running;
}

describe('the raw echo replies', () => {
  it.each([
    ['a missing message', '{"text":"hi"}'],
    ['a number', '42'],
    ['null', 'null'],
    ['an array', '["message"]'],
    ['a message over 500 characters', JSON.stringify({ message: 'x'.repeat(501) })],
  ])('answers %s with an error reply and keeps the connection open', async (_name, frame) => {
    const { url } = await start();
    const socket = await openRaw(rawUrlOf(url));
    socket.send(frame);
    expect(await nextReply(socket)).toEqual({ type: 'error', message: expect.any(String) });
    socket.send(JSON.stringify({ message: 'ok' }));
    expect(await nextReply(socket)).toMatchObject({ type: 'echo', original_message: 'ok' });
  });

  it('echoes an empty message and a message of exactly 500 characters', async () => {
    const { url } = await start();
    const socket = await openRaw(rawUrlOf(url));
    socket.send(JSON.stringify({ message: '' }));
    expect(await nextReply(socket)).toMatchObject({ type: 'echo', original_message: '' });
    socket.send(JSON.stringify({ message: 'y'.repeat(500) }));
    expect(await nextReply(socket)).toMatchObject({
      type: 'echo',
      original_message: 'y'.repeat(500),
    });
  });

  it('answers a binary frame with an error reply', async () => {
    const { url } = await start();
    const socket = await openRaw(rawUrlOf(url));
    socket.send(Buffer.from([1, 2, 3]));
    expect(await nextReply(socket)).toMatchObject({ type: 'error' });
  });

  it('echoes to the sender only', async () => {
    const { url } = await start();
    const alice = await openRaw(rawUrlOf(url));
    const bob = await openRaw(rawUrlOf(url));
    let bobGot = 0;
    bob.on('message', () => {
      bobGot += 1;
    });
    alice.send(JSON.stringify({ message: 'just for alice' }));
    await nextReply(alice);
    bob.send(JSON.stringify({ message: 'ping' })); // frames are ordered: bob's own echo comes after any leak
    await nextReply(bob);
    expect(bobGot).toBe(1);
  });

  it(`closes a connection that sends a frame over ${MAX_RAW_PAYLOAD_BYTES} bytes with code 1009, and survives it`, async () => {
    const { url } = await start();
    const socket = await openRaw(rawUrlOf(url));
    const closed = nextClose(socket);
    socket.send(JSON.stringify({ message: 'z'.repeat(MAX_RAW_PAYLOAD_BYTES) }));
    expect((await closed).code).toBe(1009);
    // …and the server is still there for everyone else.
    const next = await openRaw(rawUrlOf(url));
    next.send(JSON.stringify({ message: 'after' }));
    expect(await nextReply(next)).toMatchObject({ type: 'echo', original_message: 'after' });
  });
});

describe('who may connect', () => {
  it('accepts a page of the same origin and a client without Origin', async () => {
    const { url } = await start();
    await openRaw(rawUrlOf(url), { Origin: url });
    await openRaw(rawUrlOf(url));
  });

  it('refuses a page from another site with 403 (cross-site WebSocket hijacking)', async () => {
    const { url } = await start();
    expect(await refusedStatus(rawUrlOf(url), { Origin: 'http://evil.example' })).toBe(403);
    expect(await refusedStatus(rawUrlOf(url), { Origin: 'null' })).toBe(403);
  });

  it('on its own port, accepts only the page of the same host on the page port', async () => {
    // As src/main.ts does it: the page server, plus a second server for the raw echo.
    running = await startApp((options) => createApp({ ...options, rawPort: 1 }));
    const server = createServer();
    routeUpgrades(server, running.app.raw, '/');
    rawServer = await listen(server);
    const rawUrl = rawServer.url.replace(/^http/, 'ws');

    await openRaw(`${rawUrl}/`, { Origin: running.url });
    expect(await refusedStatus(`${rawUrl}/`, { Origin: 'http://127.0.0.1:1' })).toBe(403);
    expect(await refusedStatus(`${rawUrl}/`, { Origin: `http://localhost:${running.port}` })).toBe(
      403,
    );
    expect(await refusedStatus(`${rawUrl}/`, { Origin: 'http://evil.example' })).toBe(403);
  });

  it('leaves upgrades for other paths alone', async () => {
    const { url } = await start();
    const other = new WebSocket(`${url.replace(/^http/, 'ws')}/not-raw`);
    const outcome = await new Promise<string>((resolve) => {
      other.once('open', () => resolve('opened'));
      other.once('error', () => resolve('failed'));
    });
    expect(outcome).toBe('failed');
  });
});
