// Goal: the raw WebSocket server answers each JSON frame `{ "message": "…" }` with
// `{ type: 'echo', original_message, timestamp, from_server: true }`, the timestamp
// being the server's own ISO time. Look at step 1 in `src/raw-echo.ts`.
import { type RunningApp, startApp } from '@funws/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { closeAllRaw, nextReply, openRaw, rawUrlOf } from './helpers.ts';

let running: RunningApp<ReturnType<typeof createApp>>;
beforeEach(async () => {
  running = await startApp(createApp);
});
afterEach(async () => {
  closeAllRaw();
  await running.close();
});

describe('step 1: the raw echo', () => {
  it('echoes a message back with the server time and from_server: true', async () => {
    const socket = await openRaw(rawUrlOf(running.url));
    const before = Date.now();
    socket.send(JSON.stringify({ message: 'hello raw', timestamp: '1999-01-01T00:00:00.000Z' }));
    const reply = await nextReply(socket);
    expect(
      reply,
      'reply with { type: "echo", original_message, timestamp, from_server: true }',
    ).toEqual({
      type: 'echo',
      original_message: 'hello raw',
      timestamp: expect.any(String),
      from_server: true,
    });
    const timestamp = reply.type === 'echo' ? reply.timestamp : '';
    expect(timestamp, 'timestamp is the server clock as ISO (new Date().toISOString())').toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/,
    );
    expect(
      Date.parse(timestamp),
      'not the client timestamp: the server sets its own',
    ).toBeGreaterThanOrEqual(before - 1000);
  });

  it('answers a frame whose message is not a string with an error reply', async () => {
    const socket = await openRaw(rawUrlOf(running.url));
    socket.send(JSON.stringify({ message: 42 }));
    const reply = await nextReply(socket);
    expect(reply.type, 'a non-string message gets { type: "error", message }').toBe('error');
  });
});
