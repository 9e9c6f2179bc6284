import { describe, expect, it } from 'vitest';
import { startChat, waitForState } from './harness.ts';

describe('ChatClient reactions', () => {
  it('toggles a reaction on and off, and the other member sees both', async () => {
    const chat = await startChat();
    const ada = await chat.member('ada');
    const bob = await chat.member('bob');
    const message = await ada.send('general', 'party?');
    await waitForState(bob, 'the message', (state) => state.rooms.general?.messages.length === 1);
    const bobId = bob.state.session?.userId;

    const added = await bob.react('general', message.id, '🎉');
    expect(added).toEqual([{ emoji: '🎉', userIds: [bobId] }]);
    expect(bob.state.rooms.general?.messages[0]?.reactions).toEqual(added);
    await waitForState(
      ada,
      'the reaction',
      (state) => state.rooms.general?.messages[0]?.reactions.length === 1,
    );

    const removed = await bob.react('general', message.id, '🎉');
    expect(removed).toEqual([]);
    await waitForState(
      ada,
      'the reaction gone',
      (state) => state.rooms.general?.messages[0]?.reactions.length === 0,
    );
  });
});
