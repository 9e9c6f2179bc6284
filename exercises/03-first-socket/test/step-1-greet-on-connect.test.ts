// Goal: as soon as a browser connects, the server greets it with a `status`
// event carrying `{ msg }`. This is your first `socket.emit`: a message from the
// server to one client, sent without the client asking for it.
import { connect, disconnectAll, expectNoEvent, startApp } from '@funws/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import type { StatusPayload } from '../src/protocol.ts';
import { type Client, connectListening, disconnectListening, withHint } from './helpers.ts';

const where = "in src/app.ts, inside io.on('connection', …) (step 1)";

describe('step 1: greet each new connection', () => {
  let running: Awaited<ReturnType<typeof startApp>>;
  beforeEach(async () => {
    running = await startApp(createApp);
  });
  afterEach(async () => {
    disconnectAll();
    disconnectListening();
    await running.close();
  });

  it('sends a status message with a non-empty msg to a client that connects', async () => {
    const { first } = connectListening<StatusPayload>(running.url, 'status', {
      hint: `${where}: emit 'status' with { msg } on the new socket.`,
    });
    const status = await first;
    expect(typeof status.msg, 'status.msg should be a string').toBe('string');
    expect(status.msg.length, 'status.msg should not be empty').toBeGreaterThan(0);
  });

  it('greets only the newcomer, not the clients already connected', async () => {
    const alice = await connect<Client>(running.url);
    const { first } = connectListening<StatusPayload>(running.url, 'status');
    await withHint(
      expectNoEvent(alice, 'status', { after: first }),
      `${where}: socket.emit talks to the new connection only; io.emit would greet everyone again.`,
    );
  });
});
