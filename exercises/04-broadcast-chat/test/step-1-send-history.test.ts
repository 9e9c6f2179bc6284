// Goal: as soon as a browser connects, the server sends it `message_history`
// with `{ messages }`: the chat so far, so a newcomer can catch up. The server
// sends it to the new socket only; the others already have those messages.
import { startApp } from '@funws/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import type { MessageHistoryPayload } from '../src/protocol.ts';
import { connectListening, disconnectListening } from './helpers.ts';

describe('step 1: send the history to each client as it connects', () => {
  let running: Awaited<ReturnType<typeof startApp>>;
  beforeEach(async () => {
    running = await startApp(createApp);
  });
  afterEach(async () => {
    disconnectListening();
    await running.close();
  });

  it('sends message_history with a messages array to a client that connects', async () => {
    const { first } = connectListening<MessageHistoryPayload>(running.url, 'message_history', {
      hint: "in src/app.ts, inside io.on('connection', …), emit 'message_history' with { messages } on the new socket (step 1).",
    });
    const history = await first;
    expect(Array.isArray(history.messages), 'message_history.messages should be an array').toBe(
      true,
    );
    expect(history.messages, 'a new server has no messages yet').toEqual([]);
  });
});
