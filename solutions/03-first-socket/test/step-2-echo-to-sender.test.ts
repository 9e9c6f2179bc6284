// Goal: when a client sends `echo_message`, the server sends `echo_response`
// back to that client only (`socket.emit`, not `io.emit`), with the username,
// the message, `echo: true` and a timestamp taken from the server's own clock.
import { connect, disconnectAll, expectNoEvent, nextEvent, startApp } from '@funws/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import type { EchoResponse } from '../src/protocol.ts';
import { ACK_TIMEOUT_MS, type Client, isIsoTimestamp, withHint } from './helpers.ts';

const hint =
  "in src/app.ts, in the 'echo_message' handler, emit 'echo_response' on `socket` (the sender) " +
  'with { username, message, echo: true, timestamp: new Date().toISOString() } (step 2).';

describe('step 2: echo the message back to the sender', () => {
  let running: Awaited<ReturnType<typeof startApp>>;
  beforeEach(async () => {
    running = await startApp(createApp);
  });
  afterEach(async () => {
    disconnectAll();
    await running.close();
  });

  it('sends echo_response with the message, username, echo: true and a server timestamp', async () => {
    const alice = await connect<Client>(running.url);
    const before = Date.now();
    const ack = alice
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck('echo_message', { message: 'hello', username: 'Alice' });
    const echo = await withHint(
      nextEvent<EchoResponse>(alice, 'echo_response', { after: ack }),
      hint,
    );
    expect(echo.message, 'echo_response.message').toBe('hello');
    expect(echo.username, 'echo_response.username').toBe('Alice');
    expect(echo.echo, 'echo_response.echo').toBe(true);
    expect(
      isIsoTimestamp(echo.timestamp),
      `timestamp should be an ISO string, got ${echo.timestamp}`,
    ).toBe(true);
    expect(Date.parse(echo.timestamp)).toBeGreaterThanOrEqual(before - 1000);
  });

  it('sends the echo to the sender only, not to other clients', async () => {
    const alice = await connect<Client>(running.url);
    const bob = await connect<Client>(running.url);
    const ack = alice
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck('echo_message', { message: 'just for me' });
    const bobHearsNothing = expectNoEvent(bob, 'echo_response', { after: ack });
    await withHint(nextEvent<EchoResponse>(alice, 'echo_response', { after: ack }), hint);
    await withHint(bobHearsNothing, 'use socket.emit (this client only), not io.emit (everyone).');
  });
});
