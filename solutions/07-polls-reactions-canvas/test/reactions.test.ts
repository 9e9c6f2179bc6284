// add_reaction / reaction_updated: a fixed set of emoji, counted once per user.
// Design choice: `mine` is worked out per recipient (each socket gets its own copy).
import { expectNoEvent, nextEvent } from '@funws/testkit';
import { describe, expect, it } from 'vitest';
import { type Message, REACTIONS, type ReactionCount } from '../src/protocol.ts';
import { connectClient, joinAs, say, useApp } from './helpers.ts';

type Update = { message_id: string; reactions: ReactionCount[] };

describe('add_reaction', () => {
  const running = useApp();

  it('accepts every emoji of the fixed set and lists counts in that order', async () => {
    const alice = await joinAs(running().url, 'alice');
    const id = await say(alice, 'react to me');
    let last: Update | undefined;
    for (const emoji of [...REACTIONS].reverse()) {
      const update = nextEvent<Update>(alice, 'reaction_updated');
      expect(await alice.emitWithAck('add_reaction', { message_id: id, emoji })).toEqual({
        ok: true,
      });
      last = await update;
    }
    expect(last?.reactions.map((reaction) => reaction.emoji)).toEqual([...REACTIONS]);
  });

  it('refuses an emoji outside the set, and an unknown message, telling nobody', async () => {
    const alice = await joinAs(running().url, 'alice');
    const bob = await joinAs(running().url, 'bob');
    const id = await say(alice, 'hello');
    const bobSeesNothing = expectNoEvent(bob, 'reaction_updated');
    for (const emoji of ['💩', '<img src=x onerror=alert(1)>', '']) {
      const ack = await alice.emitWithAck('add_reaction', { message_id: id, emoji });
      expect(ack).toMatchObject({ ok: false, error: { code: 'unknown_reaction' } });
    }
    const ack = await alice.emitWithAck('add_reaction', { message_id: 'nope', emoji: '👍' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'unknown_message' } });
    await bobSeesNothing;
  });

  it('shows a late joiner the counts, with their own `mine`', async () => {
    const alice = await joinAs(running().url, 'alice');
    const id = await say(alice, 'hello');
    const update = nextEvent<Update>(alice, 'reaction_updated');
    // Alice reacts, then Carol joins: her copy of the history says the ❤️ is not hers.
    await alice.emitWithAck('add_reaction', { message_id: id, emoji: '❤️' });
    await update;
    const carol = await connectClient(running().url);
    const history = nextEvent<{ messages: Message[] }>(carol, 'message_history');
    await carol.emitWithAck('join_chat', { nickname: 'carol' });
    const [message] = (await history).messages;
    expect(message?.reactions).toEqual([{ emoji: '❤️', count: 1, mine: false }]);
  });
});
