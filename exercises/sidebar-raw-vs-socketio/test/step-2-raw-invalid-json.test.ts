// Goal: a frame that is not JSON gets `{ type: 'error', message }` saying so, and
// the connection stays open: the next frame still gets an answer.
// Look at step 2 in `src/raw-echo.ts`.
import { type RunningApp, startApp } from '@funws/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createApp } from '../src/app.ts';
import { closeAllRaw, expectNoMoreReplies, nextReply, openRaw, rawUrlOf } from './helpers.ts';

let running: RunningApp<ReturnType<typeof createApp>>;
beforeEach(async () => {
  running = await startApp(createApp);
});
afterEach(async () => {
  closeAllRaw();
  await running.close();
});

describe('step 2: invalid JSON', () => {
  it('answers text that is not JSON with one error that says so, and stays open', async () => {
    const socket = await openRaw(rawUrlOf(running.url));
    socket.send('this is {not json');
    const reply = await nextReply(socket);
    expect(reply.type, 'reply { type: "error", message } to a frame that is not JSON').toBe(
      'error',
    );
    expect(
      reply.type === 'error' ? reply.message : '',
      'the error should say "not valid JSON"',
    ).toContain('not valid JSON');
    await expectNoMoreReplies(socket).catch((error: Error) => {
      throw new Error(
        `${error.message}\nOne frame, one reply: return after sending the error, so the echo code below does not answer it too (step 2).`,
      );
    });
    expect(socket.readyState, 'do not close the connection on bad input').toBe(WebSocket.OPEN);
    // Still open: a second bad frame gets a second error reply.
    socket.send('{"message": ');
    expect(await nextReply(socket), 'the connection should still answer').toMatchObject({
      type: 'error',
    });
  });
});
