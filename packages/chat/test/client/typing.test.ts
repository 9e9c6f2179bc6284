import { describe, expect, it } from 'vitest';
import { countOutgoing, startChat, waitForState } from './harness.ts';

describe('ChatClient typing', () => {
  it('sends one typing:start for a burst of keystrokes, and the other member sees it', async () => {
    const chat = await startChat();
    const ada = await chat.member('ada');
    const bob = await chat.member('bob');
    const adaId = ada.state.session?.userId;
    const sent = countOutgoing(ada);
    let updates = 0;
    bob.on('change', (_state, change) => {
      if (change.type === 'typing') updates += 1;
    });

    for (let key = 0; key < 50; key++) ada.typing('general');

    await waitForState(bob, 'ada typing', (state) => state.rooms.general?.typing[0] === adaId);
    // A marker that travels the same path after the typing events: once it has
    // arrived, any extra typing update would have arrived too.
    await ada.send('general', 'marker');
    await waitForState(bob, 'the marker', (state) => state.rooms.general?.messages.length === 1);
    expect(sent.get('typing:start')).toBe(1);
    expect(updates).toBe(2); // ada typing, then ada no longer typing because she sent a message
    expect(ada.state.rooms.general?.typing).toEqual([]);
  });

  it('sends typing:stop only after it said it was typing', async () => {
    const chat = await startChat();
    const ada = await chat.member('ada');
    const bob = await chat.member('bob');
    const sent = countOutgoing(ada);

    ada.stopTyping('general');
    expect(sent.get('typing:stop')).toBeUndefined();

    ada.typing('general');
    await waitForState(bob, 'ada typing', (state) => state.rooms.general?.typing.length === 1);
    ada.stopTyping('general');
    ada.stopTyping('general');
    await waitForState(
      bob,
      'ada no longer typing',
      (state) => state.rooms.general?.typing.length === 0,
    );
    expect(sent.get('typing:stop')).toBe(1);
  });

  it('starts typing again right after sending a message', async () => {
    const chat = await startChat();
    const ada = await chat.member('ada');
    const sent = countOutgoing(ada);
    ada.typing('general');
    await ada.send('general', 'done');
    ada.typing('general');
    expect(sent.get('typing:start')).toBe(2);
    expect(sent.get('typing:stop')).toBeUndefined();
  });

  it('sends nothing for a room it is not in', async () => {
    const chat = await startChat();
    const ada = await chat.member('ada');
    const sent = countOutgoing(ada);
    ada.typing('random');
    ada.stopTyping('random');
    expect(sent.size).toBe(0);
  });
});
