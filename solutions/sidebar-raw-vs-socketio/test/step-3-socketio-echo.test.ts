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
    const ack = alice
      .timeout(2000)
      .emitWithAck('echo_message', { message: 'hello io', username: 'alice' });
    const echoed = nextEvent<EchoResponse>(alice, 'echo_response', { after: ack }).catch(
      (error: Error) => {
        throw new Error(
          `${error.message}\nIn src/app.ts, in the 'echo_message' handler, socket.emit('echo_response', …) back to the sender (step 3).`,
        );
      },
    );
    const bobHearsNothing = expectNoEvent(bob, 'echo_response', { after: ack }).catch(
      (error: Error) => {
        throw new Error(
          `${error.message}\nThe echo is for the sender only: socket.emit, not io.emit.`,
        );
      },
    );
    expect(await echoed, 'socket.emit("echo_response", …) back to the sender').toEqual({
      username: 'alice',
      message: 'hello io',
      echo: true,
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
    await bobHearsNothing;
  });
});
