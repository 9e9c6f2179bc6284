// Goal: someone who joins late sees everything so far. Right after `join_chat`,
// the server sends the joiner (and only the joiner) `message_history`,
// `poll_history` (with the current totals) and `canvas_history` (every segment
// since the last clear).
import { disconnectAll, expectNoEvent, nextEvent, startApp } from '@funws/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import type { Message, Poll, Stroke } from '../src/protocol.ts';
import {
  ACK_TIMEOUT_MS,
  type Client,
  connectClient,
  createPoll,
  joinAs,
  tally,
} from './helpers.ts';

function expectEvent<T>(socket: Client, event: string, after: Promise<unknown>) {
  return nextEvent<T>(socket, event, { after }).catch(() => {
    throw new Error(
      `A late joiner expected '${event}' right after join_chat. In the join_chat handler ` +
        '(src/app.ts), emit the three histories to the joining socket.',
    );
  });
}

describe('step 4: send the history to a late joiner', () => {
  let running: Awaited<ReturnType<typeof startApp>>;
  beforeEach(async () => {
    running = await startApp(createApp);
  });
  afterEach(async () => {
    disconnectAll();
    await running.close();
  });

  it('sends messages, polls and canvas strokes made before the join', async () => {
    const alice = await joinAs(running.url, 'alice');
    await alice.timeout(ACK_TIMEOUT_MS).emitWithAck('send_message', { text: 'first!' });
    await createPoll(alice, 'Lunch?', ['Pizza', 'Salad']);
    const segment = { from: { x: 0, y: 0 }, to: { x: 1, y: 1 }, color: '#00aa00', width: 3 };
    await alice.timeout(ACK_TIMEOUT_MS).emitWithAck('canvas_draw', segment);

    const bob = await connectClient(running.url);
    const joined = bob.timeout(ACK_TIMEOUT_MS).emitWithAck('join_chat', { nickname: 'bob' });
    const messages = expectEvent<{ messages: Message[] }>(bob, 'message_history', joined);
    const polls = expectEvent<{ polls: Poll[] }>(bob, 'poll_history', joined);
    const canvas = expectEvent<{ strokes: Stroke[] }>(bob, 'canvas_history', joined);
    const aliceHearsNoHistory = ['message_history', 'poll_history', 'canvas_history'].map((event) =>
      expectNoEvent(alice, event, { after: joined }).catch((error: Error) => {
        throw new Error(
          `${error.message}\nAlice has seen everything already: send the histories to the joining socket only (socket.emit).`,
        );
      }),
    );

    expect((await messages).messages.map((message) => message.text)).toEqual(['first!']);
    const [received] = (await polls).polls;
    expect(received?.question).toBe('Lunch?');
    expect(received && tally(received), 'the poll comes with its options and totals').toEqual({
      Pizza: 0,
      Salad: 0,
    });
    const { strokes } = await canvas;
    expect(strokes).toHaveLength(1);
    expect(strokes[0]).toMatchObject(segment);
    await Promise.all(aliceHearsNoHistory);
  });
});
