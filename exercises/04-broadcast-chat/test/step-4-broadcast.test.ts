// Goal: a message sent by one client reaches every connected client, the
// sender included, as `new_message` with `{ id, text, timestamp }`. That is a
// broadcast: `io.emit` (everyone) instead of demo 3's `socket.emit` (one).
import { connect, disconnectAll, nextEvent, startApp } from '@funws/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import type { Message } from '../src/protocol.ts';
import { type Client, withHint } from './helpers.ts';

const hint =
  "in src/app.ts, in the 'send_message' handler, emit 'new_message' to everyone with io.emit (step 4).";

describe('step 4: broadcast each message to everyone', () => {
  let running: Awaited<ReturnType<typeof startApp>>;
  beforeEach(async () => {
    running = await startApp(createApp);
  });
  afterEach(async () => {
    disconnectAll();
    await running.close();
  });

  it('delivers the message to every connected client, the sender included', async () => {
    const alice = await connect<Client>(running.url);
    const bob = await connect<Client>(running.url);
    const carol = await connect<Client>(running.url);
    const arrivals = Promise.all(
      [alice, bob, carol].map((client) =>
        withHint(nextEvent<Message>(client, 'new_message', { timeoutMs: 1000 }), hint),
      ),
    );
    await alice.emitWithAck('send_message', { text: 'hello everyone' });
    const [toAlice, toBob, toCarol] = await arrivals;
    expect(toBob?.text).toBe('hello everyone');
    expect(toBob, 'everyone gets the same message, with the same id').toEqual(toAlice);
    expect(toCarol).toEqual(toAlice);
  });
});
