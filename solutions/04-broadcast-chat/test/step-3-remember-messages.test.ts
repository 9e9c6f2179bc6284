// Goal: the server remembers each accepted message, so a client that connects
// later finds it in `message_history`. Memory is bounded: only the most recent
// 100 messages are kept, oldest first.
import { connect, disconnectAll, startApp } from '@funws/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import type { MessageHistoryPayload } from '../src/protocol.ts';
import { ACK_TIMEOUT_MS, type Client, connectListening, disconnectListening } from './helpers.ts';

const hint = "in src/app.ts, in the 'send_message' handler, add the message to `history` (step 3).";
// This step is checked through the history a newcomer receives, so step 1 must be done first.
const needsStep1 =
  "a newcomer receives the history only once step 1 sends it: do step 1 first, then add the message to `history` in the 'send_message' handler (step 3).";

// These tests send more events than one browser tab may (the rate limit), on purpose.
const floodable = { rateLimit: { burst: 10_000, perSecond: 10_000 } };

describe('step 3: remember the messages', () => {
  let running: Awaited<ReturnType<typeof startApp>>;
  beforeEach(async () => {
    running = await startApp((options) => createApp({ ...options, ...floodable }));
  });
  afterEach(async () => {
    disconnectAll();
    disconnectListening();
    await running.close();
  });

  const historyOfNewcomer = async () => {
    const { first } = connectListening<MessageHistoryPayload>(running.url, 'message_history', {
      hint: needsStep1,
    });
    return (await first).messages;
  };

  it('includes earlier messages, oldest first, in the history a later client receives', async () => {
    const alice = await connect<Client>(running.url);
    await alice.timeout(ACK_TIMEOUT_MS).emitWithAck('send_message', { text: 'first!' });
    await alice.timeout(ACK_TIMEOUT_MS).emitWithAck('send_message', { text: 'second' });
    const messages = await historyOfNewcomer();
    expect(
      messages.map((m) => m.text),
      hint,
    ).toEqual(['first!', 'second']);
    expect(messages[0], 'the history holds the whole message: id, text and time').toEqual({
      id: expect.any(String),
      text: 'first!',
      timestamp: expect.any(String),
    });
  });

  it('keeps only the most recent 100 messages, oldest first', async () => {
    const alice = await connect<Client>(running.url);
    // One connection keeps its events in order, so they can all be sent at once.
    await Promise.all(
      Array.from({ length: 105 }, (_, i) =>
        alice.timeout(ACK_TIMEOUT_MS).emitWithAck('send_message', { text: `m${i + 1}` }),
      ),
    );
    const messages = await historyOfNewcomer();
    expect(messages, `${hint} Drop the oldest once there are more than 100.`).toHaveLength(100);
    expect(messages[0]?.text, 'the oldest kept is m6: m1 to m5 were dropped').toBe('m6');
    expect(messages.at(-1)?.text).toBe('m105');
  });
});
