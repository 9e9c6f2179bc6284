// Goal: after a successful join, the newcomer (and only the newcomer) gets
// `message_history` (the chat so far), and everyone, newcomer included, gets
// `user_joined` (a system line with the user count) and `user_list_update`
// (everyone online).
import { connect, disconnectAll, expectNoEvent, nextEvent, startApp } from '@funws/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import type { MessageHistoryPayload, SystemMessage, UserListPayload } from '../src/protocol.ts';
import { ACK_TIMEOUT_MS, type Client, joinAs, withHint } from './helpers.ts';

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

  it('sends the history to the newcomer only', async () => {
    const { socket: alice } = await joinAs(running.url, 'Alice');
    const bob = await connect<Client>(running.url);
    const joined = bob.timeout(ACK_TIMEOUT_MS).emitWithAck('join_chat', { nickname: 'Bob' });
    const aliceHearsNothing = withHint(
      expectNoEvent(alice, 'message_history', { after: joined }),
      `${where}: Alice has the history already; socket.emit sends it to the newcomer only.`,
    );
    const history = await withHint(
      nextEvent<MessageHistoryPayload>(bob, 'message_history', { after: joined }),
      `${where}: emit 'message_history' with { messages } to the joining socket.`,
    );
    expect(Array.isArray(history.messages), 'message_history carries { messages: [...] }').toBe(
      true,
    );
    await aliceHearsNothing;
  });

  it('tells everyone, newcomer included, who joined, with the user count, and who is online', async () => {
    const { socket: alice } = await joinAs(running.url, 'Alice');
    const bob = await connect<Client>(running.url);
    const joined = bob.timeout(ACK_TIMEOUT_MS).emitWithAck('join_chat', { nickname: 'Bob' });
    const hear = <T>(socket: Client, event: string, who: string) =>
      withHint(
        nextEvent<T>(socket, event, { after: joined }),
        `${where}: ${who} should get '${event}': emit it to everyone (io.emit).`,
      );
    const [event, online, bobsEvent, bobsList] = await Promise.all([
      hear<SystemMessage>(alice, 'user_joined', 'Alice'),
      hear<UserListPayload>(alice, 'user_list_update', 'Alice'),
      hear<SystemMessage>(bob, 'user_joined', 'Bob, the newcomer,'),
      hear<UserListPayload>(bob, 'user_list_update', 'Bob, the newcomer,'),
    ]);
    expect(event).toMatchObject({ type: 'system', userCount: 2 });
    expect(event.text, 'the system line names who joined').toContain('Bob');
    expect(online.users.map((u) => u.nickname)).toEqual(['Alice', 'Bob']);
    expect(bobsEvent, 'the newcomer gets the same system line').toEqual(event);
    expect(bobsList).toEqual(online);
  });
});
