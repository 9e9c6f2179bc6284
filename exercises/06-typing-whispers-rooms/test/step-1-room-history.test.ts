// Goal: when someone joins a room, the server sends them (and only them) the
// `message_history` of THAT room, so a newcomer sees what was said before.
// Each room keeps its own history; a message said in #tech is not in #general's.
import { disconnectAll, expectNoEvent, nextEvent, startApp } from '@funws/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import type { Message, RoomName } from '../src/protocol.ts';
import { ACK_TIMEOUT_MS, connectClient, joinAs } from './helpers.ts';

type History = { room: RoomName; messages: Message[] };

const hint =
  'In enterRoom (src/app.ts), emit `message_history` with the room and its messages to the joining socket (step 1).';

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
    await alice.timeout(ACK_TIMEOUT_MS).emitWithAck('send_message', { text: 'hello tech' });
    const carol = await joinAs(running.url, 'carol', 'general');
    await carol.timeout(ACK_TIMEOUT_MS).emitWithAck('send_message', { text: 'hello general' });

    const bob = await connectClient(running.url);
    const joined = bob
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck('join_room', { nickname: 'bob', room: 'tech' });
    const received = await nextEvent<History>(bob, 'message_history', { after: joined }).catch(
      (error: Error) => {
        throw new Error(`Bob joined #tech: ${error.message}\n${hint}`);
      },
    );
    expect(received.room, 'message_history says which room it is for').toBe('tech');
    expect(
      received.messages.map((message) => message.text),
      'the history of #tech holds only what was said in #tech',
    ).toEqual(['hello tech']);
    expect(received.messages[0]).toMatchObject({ nickname: 'alice', room: 'tech' });
  });

  it('sends the history to the joiner only, not to the others in the room', async () => {
    const alice = await joinAs(running.url, 'alice', 'tech');
    const bob = await connectClient(running.url);
    const joined = bob
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck('join_room', { nickname: 'bob', room: 'tech' });
    const aliceHearsNothing = expectNoEvent(alice, 'message_history', { after: joined }).catch(
      (error: Error) => {
        throw new Error(
          `${error.message}\nAlice has the history of #tech already: socket.emit sends it to the joiner only (step 1).`,
        );
      },
    );
    await nextEvent(bob, 'message_history', { after: joined }).catch((error: Error) => {
      throw new Error(`Bob joined #tech: ${error.message}\n${hint}`);
    });
    await aliceHearsNothing;
  });
});
