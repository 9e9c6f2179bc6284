// Goal: as soon as a browser connects, the server sends it `message_history`
// with `{ messages }`: the chat so far, so a newcomer can catch up. The server
// sends it to the new socket only; the others already have those messages.
import { connect, disconnectAll, expectNoEvent, startApp } from '@funws/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import type { MessageHistoryPayload } from '../src/protocol.ts';
import { type Client, connectListening, disconnectListening, withHint } from './helpers.ts';

const where = "in src/app.ts, inside io.on('connection', …) (step 1)";

describe('step 1: send the history to each client as it connects', () => {
  let running: Awaited<ReturnType<typeof startApp>>;
  beforeEach(async () => {
    running = await startApp(createApp);
  });
  afterEach(async () => {
    disconnectAll();
    disconnectListening();
    await running.close();
  });

  it('sends message_history with a messages array to a client that connects', async () => {
    const { first } = connectListening<MessageHistoryPayload>(running.url, 'message_history', {
      hint: `${where}: emit 'message_history' with { messages } on the new socket.`,
    });
    const history = await first;
    expect(Array.isArray(history.messages), 'message_history.messages should be an array').toBe(
      true,
    );
    expect(history.messages, 'a new server has no messages yet').toEqual([]);
  });

  it('sends it to the newcomer only, not to the clients already there', async () => {
    const alice = await connect<Client>(running.url);
    const { first } = connectListening<MessageHistoryPayload>(running.url, 'message_history');
    await withHint(
      expectNoEvent(alice, 'message_history', { after: first }),
      `${where}: the others have those messages already; use socket.emit (the newcomer), not io.emit (everyone).`,
    );
  });
});
