// Goal: a message sent by one client reaches every connected client, the
// sender included, as `new_message` with `{ id, text, timestamp }`. That is a
// broadcast: `io.emit` (everyone) instead of demo 3's `socket.emit` (one).
import { connectMany, disconnectAll, nextEvent, startApp } from '@funws/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import type { Message } from '../src/protocol.ts';
import { ACK_TIMEOUT_MS, type Client, isIsoTimestamp, withHint } from './helpers.ts';

const hint =
  "in src/app.ts, in the 'send_message' handler, emit 'new_message' with the message to everyone: io.emit (step 2).";

describe('step 2: broadcast each message to everyone', () => {
  let running: Awaited<ReturnType<typeof startApp>>;
  beforeEach(async () => {
    running = await startApp(createApp);
  });
  afterEach(async () => {
    disconnectAll();
    await running.close();
  });

  it('delivers the message to every connected client, the sender included', async () => {
    const [alice, bob, carol] = await connectMany<Client>(running.url, 3);
    const sent = alice!
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck('send_message', { text: 'hello everyone' });
    const arrival = (client: Client, who: string) =>
      withHint(nextEvent<Message>(client, 'new_message', { after: sent }), `${who}: ${hint}`);
    const [toAlice, toBob, toCarol] = await Promise.all([
      arrival(alice!, 'Alice, the sender'),
      arrival(bob!, 'Bob'),
      arrival(carol!, 'Carol'),
    ]);
    expect(toBob?.text, 'new_message carries the text that was sent').toBe('hello everyone');
    expect(toBob?.id, 'the message has an id from the server').toEqual(expect.any(String));
    expect(isIsoTimestamp(toBob?.timestamp), 'the message has the server’s ISO time').toBe(true);
    expect(toBob, 'everyone gets the same message, with the same id').toEqual(toAlice);
    expect(toCarol).toEqual(toAlice);
  });
});
