// Goal: the Socket.IO echo answers `echo_message` with `echo_response`
// `{ username, message, echo: true, timestamp }` to the sender only (another
// connected client gets nothing). Look at step 3 in `src/app.ts`.

import {
  connect,
  disconnectAll,
  expectNoEvent,
  nextEvent,
  type RunningApp,
  startApp,
} from '@funws/testkit';
import type { Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import type { ClientToServerEvents, EchoResponse, ServerToClientEvents } from '../src/protocol.ts';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
let running: RunningApp<ReturnType<typeof createApp>>;
beforeEach(async () => {
  running = await startApp(createApp);
});
afterEach(async () => {
  disconnectAll();
  await running.close();
});

describe('step 3: the Socket.IO echo', () => {
  it('echoes to the sender only, with the server time', async () => {
    const alice = await connect<Client>(running.url);
    const bob = await connect<Client>(running.url);
    const bobHearsNothing = expectNoEvent(bob, 'echo_response');
    const echoed = nextEvent<EchoResponse>(alice, 'echo_response', { timeoutMs: 1000 });
    alice.emit('echo_message', { message: 'hello io', username: 'alice' }, () => {});
    expect(await echoed, 'socket.emit("echo_response", …) back to the sender').toEqual({
      username: 'alice',
      message: 'hello io',
      echo: true,
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
    await bobHearsNothing;
  });
});
