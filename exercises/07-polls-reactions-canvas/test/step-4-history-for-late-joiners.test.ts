// Goal: someone who joins late sees everything so far. Right after `join_chat`,
// the server sends the joiner `message_history`, `poll_history` (with the current
// totals) and `canvas_history` (every segment since the last clear).
import { disconnectAll, nextEvent, startApp } from '@funws/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import type { Message, Poll, Stroke } from '../src/protocol.ts';
import { type Client, connectClient, createPoll, joinAs, tally } from './helpers.ts';

function expectEvent<T>(socket: Client, event: string) {
  return nextEvent<T>(socket, event, { timeoutMs: 1000 }).catch(() => {
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
    await alice.emitWithAck('send_message', { text: 'first!' });
    await createPoll(alice, 'Lunch?', ['Pizza', 'Salad']);
    const segment = { from: { x: 0, y: 0 }, to: { x: 1, y: 1 }, color: '#00aa00', width: 3 };
    await alice.emitWithAck('canvas_draw', segment);

    const bob = await connectClient(running.url);
    const messages = expectEvent<{ messages: Message[] }>(bob, 'message_history');
    const polls = expectEvent<{ polls: Poll[] }>(bob, 'poll_history');
    const canvas = expectEvent<{ strokes: Stroke[] }>(bob, 'canvas_history');
    await bob.emitWithAck('join_chat', { nickname: 'bob' });

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
  });
});
