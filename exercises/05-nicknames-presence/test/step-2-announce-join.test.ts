// Goal: after a successful join, the newcomer gets `message_history` (the chat
// so far), and everyone, newcomer included, gets `user_joined` (a system line
// with the user count) and `user_list_update` (everyone online).
import { connect, disconnectAll, nextEvent, startApp } from '@funws/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import type { MessageHistoryPayload, SystemMessage, UserListPayload } from '../src/protocol.ts';
import { type Client, joinAs, withHint } from './helpers.ts';

const where = "in src/app.ts, at the end of the 'join_chat' handler (step 2)";

describe('step 2: announce joins and the user list', () => {
  let running: Awaited<ReturnType<typeof startApp>>;
  beforeEach(async () => {
    running = await startApp(createApp);
  });
  afterEach(async () => {
    disconnectAll();
    await running.close();
  });

  it('sends the history to the newcomer', async () => {
    const { socket: alice } = await joinAs(running.url, 'Alice');
    await alice.emitWithAck('send_message', { text: 'hi' });
    const bob = await connect<Client>(running.url);
    const history = withHint(
      nextEvent<MessageHistoryPayload>(bob, 'message_history', { timeoutMs: 1000 }),
      `${where}: emit 'message_history' to the joining socket.`,
    );
    await bob.emitWithAck('join_chat', { nickname: 'Bob' });
    expect((await history).messages.map((m) => m.text)).toEqual(['hi']);
  });

  it('tells everyone who joined, with the user count, and who is online', async () => {
    const { socket: alice } = await joinAs(running.url, 'Alice');
    const joined = withHint(
      nextEvent<SystemMessage>(alice, 'user_joined', { timeoutMs: 1000 }),
      `${where}: emit 'user_joined' to everyone (io.emit).`,
    );
    const list = withHint(
      nextEvent<UserListPayload>(alice, 'user_list_update', { timeoutMs: 1000 }),
      `${where}: emit 'user_list_update' to everyone (io.emit).`,
    );
    await joinAs(running.url, 'Bob');
    const [event, online] = await Promise.all([joined, list]);
    expect(event).toMatchObject({ type: 'system', userCount: 2 });
    expect(event.text, 'the system line names who joined').toContain('Bob');
    expect(online.users.map((u) => u.nickname)).toEqual(['Alice', 'Bob']);
  });
});
