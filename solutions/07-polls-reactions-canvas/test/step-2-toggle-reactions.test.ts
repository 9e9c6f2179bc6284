// Goal: `add_reaction { message_id, emoji }` toggles YOUR reaction: the first time
// adds it, the second time takes it back, and each person counts once. Everyone
// receives `reaction_updated` with the counts, and `mine` tells each of them
// whether they are among those who reacted.
import { disconnectAll, nextEvent, startApp } from '@funws/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import type { ReactionCount } from '../src/protocol.ts';
import { ACK_TIMEOUT_MS, type Client, joinAs, say } from './helpers.ts';

type Update = { message_id: string; reactions: ReactionCount[] };

function nextCounts(socket: Client, who: string, after: Promise<unknown>) {
  return nextEvent<Update>(socket, 'reaction_updated', { after }).catch(() => {
    throw new Error(
      `${who} expected a reaction_updated. In the add_reaction handler (src/app.ts), toggle ` +
        'the user in the set for that emoji, then send the counts to every member.',
    );
  });
}

describe('step 2: toggle reactions', () => {
  let running: Awaited<ReturnType<typeof startApp>>;
  beforeEach(async () => {
    running = await startApp(createApp);
  });
  afterEach(async () => {
    disconnectAll();
    await running.close();
  });

  it('adds a reaction once per user, takes it back on a second click, and marks it as mine', async () => {
    const alice = await joinAs(running.url, 'alice');
    const bob = await joinAs(running.url, 'bob');
    const id = await say(alice, 'Party at 8?');
    const react = (socket: Client) =>
      socket.timeout(ACK_TIMEOUT_MS).emitWithAck('add_reaction', { message_id: id, emoji: '🎉' });

    // Every reaction reaches both; wait for both before the next click.
    const click = async (socket: Client) => {
      const reacted = react(socket);
      const [forAlice, forBob] = await Promise.all([
        nextCounts(alice, 'Alice', reacted),
        nextCounts(bob, 'Bob', reacted),
      ]);
      expect(forAlice.message_id).toBe(id);
      return { forAlice: forAlice.reactions, forBob: forBob.reactions };
    };

    let seen = await click(bob);
    expect(seen.forBob, 'Bob reacted: count 1, and it is his').toEqual([
      { emoji: '🎉', count: 1, mine: true },
    ]);
    expect(seen.forAlice, 'Alice sees the count, but it is not hers').toEqual([
      { emoji: '🎉', count: 1, mine: false },
    ]);

    seen = await click(alice);
    expect(seen.forAlice, 'Alice reacted too').toEqual([{ emoji: '🎉', count: 2, mine: true }]);

    seen = await click(bob);
    expect(seen.forBob, 'Bob clicked 🎉 again: his reaction is taken back').toEqual([
      { emoji: '🎉', count: 1, mine: false },
    ]);
    expect(seen.forAlice).toEqual([{ emoji: '🎉', count: 1, mine: true }]);
  });
});
