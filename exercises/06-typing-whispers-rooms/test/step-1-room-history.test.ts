// Goal: when someone joins a room, the server sends them (and only them) the
// `message_history` of THAT room, so a newcomer sees what was said before.
// Each room keeps its own history; a message said in #tech is not in #general's.
import { disconnectAll, nextEvent, startApp } from '@funws/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import type { Message, RoomName } from '../src/protocol.ts';
import { connectClient, joinAs } from './helpers.ts';

type History = { room: RoomName; messages: Message[] };

describe('step 1: join a room and receive its history', () => {
  let running: Awaited<ReturnType<typeof startApp>>;
  beforeEach(async () => {
    running = await startApp(createApp);
  });
  afterEach(async () => {
    disconnectAll();
    await running.close();
  });

  it('sends the joiner the messages said earlier in that room, and only that room', async () => {
    const alice = await joinAs(running.url, 'alice', 'tech');
    await alice.emitWithAck('send_message', { text: 'hello tech' });
    const carol = await joinAs(running.url, 'carol', 'general');
    await carol.emitWithAck('send_message', { text: 'hello general' });

    const bob = await connectClient(running.url);
    const history = nextEvent<History>(bob, 'message_history', { timeoutMs: 1000 }).catch(() => {
      throw new Error(
        'Bob joined #tech but no `message_history` arrived. In enterRoom (src/app.ts), ' +
          'emit `message_history` with the room and its messages to the joining socket.',
      );
    });
    await bob.emitWithAck('join_room', { nickname: 'bob', room: 'tech' });

    const received = await history;
    expect(received.room, 'message_history says which room it is for').toBe('tech');
    expect(
      received.messages.map((message) => message.text),
      'the history of #tech holds only what was said in #tech',
    ).toEqual(['hello tech']);
    expect(received.messages[0]).toMatchObject({ nickname: 'alice', room: 'tech' });
  });
});
