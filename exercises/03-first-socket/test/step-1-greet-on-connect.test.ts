// Goal: as soon as a browser connects, the server greets it with a `status`
// event carrying `{ msg }`. This is your first `socket.emit`: a message from the
// server to one client, sent without the client asking for it.
import { startApp } from '@funws/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import type { StatusPayload } from '../src/protocol.ts';
import { connectListening, disconnectListening } from './helpers.ts';

describe('step 1: greet each new connection', () => {
  let running: Awaited<ReturnType<typeof startApp>>;
  beforeEach(async () => {
    running = await startApp(createApp);
  });
  afterEach(async () => {
    disconnectListening();
    await running.close();
  });

  it('sends a status message with a non-empty msg to a client that connects', async () => {
    const { first } = connectListening<StatusPayload>(running.url, 'status', {
      hint: "in src/app.ts, inside io.on('connection', …), emit 'status' with { msg } on the new socket (step 1).",
    });
    const status = await first;
    expect(typeof status.msg, 'status.msg should be a string').toBe('string');
    expect(status.msg.length, 'status.msg should not be empty').toBeGreaterThan(0);
  });
});
