import type { ChatChange } from '@funws/chat/client';
import { isChatError } from '@funws/chat/protocol';
import { describe, expect, it } from 'vitest';
import { countOutgoing, startChat, texts, waitForState } from './harness.ts';

describe('ChatClient messages', () => {
  it('delivers a message into the other member’s state', async () => {
    const chat = await startChat();
    const ada = await chat.member('ada');
    const bob = await chat.member('bob');
    const message = await ada.send('general', '  hello bob  ');
    expect(message).toMatchObject({ room: 'general', nickname: 'ada', text: 'hello bob' });
    expect(texts(ada)).toEqual(['hello bob']);
    await waitForState(bob, 'the message from ada', () => texts(bob).includes('hello bob'));
    expect(bob.state.rooms.general?.messages[0]).toEqual(message);
  });

  it('gives a late joiner the history in its snapshot', async () => {
    const chat = await startChat();
    const ada = await chat.member('ada');
    await ada.send('general', 'first');
    await ada.send('general', 'second');
    const bob = await chat.member('bob');
    expect(texts(bob)).toEqual(['first', 'second']);
  });

  it('reports each change with what changed, and a message once', async () => {
    const chat = await startChat();
    const ada = chat.client('ada');
    const changes: ChatChange[] = [];
    ada.on('change', (_state, change) => changes.push(change));
    await ada.connect();
    await ada.join('general');
    const message = await ada.send('general', 'hi');
    const types = changes.map((change) => change.type);
    expect(types.slice(0, 3)).toEqual(['connection', 'session', 'connection']);
    expect(changes.filter((change) => change.type === 'joined')).toHaveLength(1);
    expect(changes.filter((change) => change.type === 'message')).toEqual([
      { type: 'message', room: 'general', message },
    ]);
  });

  it('drops a message replayed with an id it already has', async () => {
    const chat = await startChat();
    const ada = await chat.member('ada');
    const bob = await chat.member('bob');
    const message = await ada.send('general', 'only once');
    await waitForState(bob, 'the message', () => texts(bob).length === 1);
    const changes: string[] = [];
    bob.on('change', (_state, change) => changes.push(change.type));
    const before = bob.state;

    // What connection state recovery does after a reconnection: replay what might have been missed.
    chat.server.io.to('general').emit('message:new', message);
    await ada.send('general', 'marker');
    await waitForState(bob, 'the marker message', () => texts(bob).includes('marker'));

    expect(texts(bob)).toEqual(['only once', 'marker']);
    expect(changes).toEqual(['message']);
    expect(before.rooms.general?.messages).toHaveLength(1);
  });

  it('refuses an empty message without a round trip', async () => {
    const chat = await startChat();
    const ada = await chat.member('ada');
    const sent = countOutgoing(ada);
    const error = await ada.send('general', '   ').catch((caught: unknown) => caught);
    expect(isChatError(error) && error.code).toBe('invalid_payload');
    expect(sent.size).toBe(0);
  });

  it('rejects a message to a room it is not in with not_in_room', async () => {
    const chat = await startChat();
    const ada = await chat.member('ada');
    const error = await ada.send('random', 'hello?').catch((caught: unknown) => caught);
    expect(isChatError(error) && error.code).toBe('not_in_room');
  });

  it('rejects with the reason a moderation hook gives', async () => {
    const chat = await startChat({ hooks: { beforeMessage: () => ({ reject: 'No shouting.' }) } });
    const ada = await chat.member('ada');
    const error = await ada.send('general', 'HELLO').catch((caught: unknown) => caught);
    expect(isChatError(error) && error.code).toBe('rejected');
    expect((error as Error).message).toBe('No shouting.');
  });
});
