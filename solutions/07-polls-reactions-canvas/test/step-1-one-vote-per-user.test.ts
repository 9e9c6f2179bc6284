// Goal: `vote_poll { poll_id, option_id }` records ONE vote per user. Voting again
// moves your vote to the new option (it does not add a second one), and everyone
// receives the new totals in `poll_updated`.
import { disconnectAll, nextEvent, startApp } from '@funws/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import type { Poll } from '../src/protocol.ts';
import { ACK_TIMEOUT_MS, type Client, createPoll, joinAs, optionId, tally } from './helpers.ts';

function nextTotals(socket: Client, after: Promise<unknown>) {
  return nextEvent<Poll>(socket, 'poll_updated', { after }).catch(() => {
    throw new Error(
      'A vote was accepted but no poll_updated arrived. In the vote_poll handler ' +
        '(src/app.ts), record the vote and emit poll_updated with the totals to everyone.',
    );
  });
}

describe('step 1: one vote per user', () => {
  let running: Awaited<ReturnType<typeof startApp>>;
  beforeEach(async () => {
    running = await startApp(createApp);
  });
  afterEach(async () => {
    disconnectAll();
    await running.close();
  });

  it('counts a vote, and moves it when the same user votes again', async () => {
    const alice = await joinAs(running.url, 'alice');
    const bob = await joinAs(running.url, 'bob');
    const poll = await createPoll(alice, 'Tea or coffee?', ['Tea', 'Coffee']);

    // Every vote's totals reach both; wait for both before the next vote.
    const vote = async (socket: Client, option: string) => {
      const voted = socket
        .timeout(ACK_TIMEOUT_MS)
        .emitWithAck('vote_poll', { poll_id: poll.id, option_id: optionId(poll, option) });
      const [forAlice, forBob] = await Promise.all([
        nextTotals(alice, voted),
        nextTotals(bob, voted),
      ]);
      expect(forAlice, 'everyone gets the same totals').toEqual(forBob);
      return tally(forBob);
    };

    expect(await vote(alice, 'Tea'), 'after Alice votes Tea').toEqual({ Tea: 1, Coffee: 0 });
    expect(
      await vote(alice, 'Coffee'),
      'Alice changed her mind: her vote moves to Coffee, it is not counted twice',
    ).toEqual({ Tea: 0, Coffee: 1 });
    expect(await vote(bob, 'Coffee'), 'Bob’s vote adds to Alice’s').toEqual({
      Tea: 0,
      Coffee: 2,
    });
  });
});
