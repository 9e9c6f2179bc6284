import { isChatError } from '@funws/chat/protocol';
import { describe, expect, it } from 'vitest';
import { startChat, waitForState } from './harness.ts';

describe('ChatClient whispers', () => {
  it('puts a whisper in the sender’s and the recipient’s state and nobody else’s', async () => {
    const chat = await startChat();
    const ada = await chat.member('ada');
    const bob = await chat.member('bob');
    const carol = await chat.member('carol');
    const bobId = bob.state.session?.userId ?? '';

    const whisper = await ada.whisper(bobId, 'psst');
    expect(whisper).toMatchObject({
      from: { nickname: 'ada' },
      to: { nickname: 'bob' },
      text: 'psst',
    });
    expect(ada.state.whispers).toEqual([whisper]);
    await waitForState(bob, 'the whisper', (state) => state.whispers.length === 1);
    expect(bob.state.whispers).toEqual([whisper]);

    // A message sent after the whisper reaches carol after it would have.
    await ada.send('general', 'marker');
    await waitForState(carol, 'the marker', (state) => state.rooms.general?.messages.length === 1);
    expect(carol.state.whispers).toEqual([]);
    expect(ada.state.whispers).toHaveLength(1);
  });

  it('rejects a whisper to nobody with unknown_user', async () => {
    const chat = await startChat();
    const ada = await chat.member('ada');
    const error = await ada.whisper('no-such-user', 'hello?').catch((caught: unknown) => caught);
    expect(isChatError(error) && error.code).toBe('unknown_user');
  });
});
