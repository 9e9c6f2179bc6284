// Goal: a message is signed with the nickname and user id the server recorded
// at join time, never with what the payload claims, then remembered (a later
// joiner finds it in `message_history`) and broadcast to everyone as
// `new_message { id, type: 'user', text, nickname, userId, timestamp }`.
import { connect, disconnectAll, nextEvent, startApp } from '@funws/testkit';
import type { Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import type { Message, MessageHistoryPayload } from '../src/protocol.ts';
import { ACK_TIMEOUT_MS, type Client, joinAs, withHint } from './helpers.ts';

const hint =
  "in src/app.ts, in the 'send_message' handler, build the message with user.nickname and user.id, " +
  "then io.emit('new_message', …) (step 3).";

describe('step 3: sign messages with the server’s record of the sender', () => {
  let running: Awaited<ReturnType<typeof startApp>>;
  beforeEach(async () => {
    running = await startApp(createApp);
  });
  afterEach(async () => {
    disconnectAll();
    await running.close();
  });

  it('broadcasts the message with the sender’s nickname and id to everyone', async () => {
    const alice = await joinAs(running.url, 'Alice');
    const bob = await joinAs(running.url, 'Bob');
    const sent = alice.socket
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck('send_message', { text: 'hello' });
    const [message, sendersCopy] = await Promise.all([
      withHint(nextEvent<Message>(bob.socket, 'new_message', { after: sent }), hint),
      withHint(nextEvent<Message>(alice.socket, 'new_message', { after: sent }), hint),
    ]);
    expect(message).toMatchObject({
      type: 'user',
      text: 'hello',
      nickname: 'Alice',
      userId: alice.user.id,
    });
    expect(sendersCopy, 'the sender gets the same message').toEqual(message);
  });

  it('ignores a nickname and user id in the payload: nobody can post as someone else', async () => {
    const mallory = await joinAs(running.url, 'Mallory');
    const bob = await joinAs(running.url, 'Bob');
    const raw = mallory.socket as unknown as Socket;
    const sent = raw.timeout(ACK_TIMEOUT_MS).emitWithAck('send_message', {
      text: 'I am Bob',
      nickname: 'Bob',
      userId: bob.user.id,
    });
    const message = await withHint(
      nextEvent<Message>(bob.socket, 'new_message', { after: sent }),
      hint,
    );
    expect(message.nickname, 'use the nickname the server stored, not the payload’s').toBe(
      'Mallory',
    );
    expect(message.userId).toBe(mallory.user.id);
  });

  it('remembers the message: someone who joins later finds it in the history', async () => {
    const alice = await joinAs(running.url, 'Alice');
    await alice.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('send_message', { text: 'hi' });
    const bob = await connect<Client>(running.url);
    const joined = bob.timeout(ACK_TIMEOUT_MS).emitWithAck('join_chat', { nickname: 'Bob' });
    const history = await withHint(
      nextEvent<MessageHistoryPayload>(bob, 'message_history', { after: joined }),
      'the history is sent on join by step 2: do step 2 first.',
    );
    expect(
      history.messages.map((m) => m.text),
      `${hint} Push the message to \`history\` too, so newcomers get it.`,
    ).toEqual(['hi']);
  });
});
