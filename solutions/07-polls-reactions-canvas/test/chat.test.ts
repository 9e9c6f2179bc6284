// join_chat, send_message, presence: demo 5's contract, with `reactions` on messages.
import { expectNoEvent, nextEvent } from '@funws/testkit';
import { describe, expect, it } from 'vitest';
import {
  HISTORY_LIMIT,
  MAX_MESSAGE_LENGTH,
  type Message,
  type SystemMessage,
  type User,
} from '../src/protocol.ts';
import { connectClient, joinAs, useApp } from './helpers.ts';

// Some tests here send more events than one browser tab may (the rate limit), on purpose.
const floodable = { rateLimit: { burst: 10_000, perSecond: 10_000 } };

describe('join_chat', () => {
  const running = useApp();

  it('answers with the server-made user, nickname trimmed', async () => {
    const socket = await connectClient(running().url);
    const ack = await socket.emitWithAck('join_chat', { nickname: '  alice ' });
    expect(ack).toMatchObject({ ok: true, user: { nickname: 'alice' } });
    if (ack.ok) expect(ack.user.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses empty, over-long and taken nicknames, and a second join', async () => {
    const alice = await joinAs(running().url, 'Alice');
    const socket = await connectClient(running().url);
    for (const nickname of ['', '   ', 'x'.repeat(33)]) {
      const ack = await socket.emitWithAck('join_chat', { nickname });
      expect(ack).toMatchObject({ ok: false, error: { code: 'nickname_invalid' } });
    }
    const taken = await socket.emitWithAck('join_chat', { nickname: 'ALICE' });
    expect(taken).toMatchObject({ ok: false, error: { code: 'nickname_taken' } });
    const again = await alice.emitWithAck('join_chat', { nickname: 'alice2' });
    expect(again).toMatchObject({ ok: false, error: { code: 'already_joined' } });
  });

  it('tells everyone who joined and who is here, and who left', async () => {
    const bob = await joinAs(running().url, 'bob');
    const joined = nextEvent<SystemMessage>(bob, 'user_joined');
    const list = nextEvent<{ users: User[] }>(bob, 'user_list_update');
    const alice = await joinAs(running().url, 'alice');
    expect(await joined).toMatchObject({ type: 'system', userCount: 2 });
    expect((await list).users.map((user) => user.nickname)).toEqual(['bob', 'alice']);
    const left = nextEvent<SystemMessage>(bob, 'user_left');
    alice.disconnect();
    expect(await left).toMatchObject({ type: 'system', userCount: 1 });
  });
});

describe('send_message', () => {
  const running = useApp(floodable);

  it('delivers a message with server-made fields and no reactions yet', async () => {
    const alice = await joinAs(running().url, 'alice');
    const bob = await joinAs(running().url, 'bob');
    const bobHears = nextEvent<Message>(bob, 'new_message');
    const ack = await alice.emitWithAck('send_message', { text: ' hi ' });
    const message = await bobHears;
    expect(message).toMatchObject({ type: 'user', text: 'hi', nickname: 'alice', reactions: [] });
    expect(ack).toEqual({ ok: true });
    expect(Date.parse(message.timestamp)).not.toBeNaN();
  });

  it('refuses messages before joining, empty ones and over-long ones', async () => {
    const stranger = await connectClient(running().url);
    const early = await stranger.emitWithAck('send_message', { text: 'hi' });
    expect(early).toMatchObject({ ok: false, error: { code: 'not_joined' } });
    const alice = await joinAs(running().url, 'alice');
    for (const text of ['  ', 'x'.repeat(MAX_MESSAGE_LENGTH + 1)]) {
      const ack = await alice.emitWithAck('send_message', { text });
      expect(ack).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    }
  });

  it('keeps only the last 100 messages for late joiners', async () => {
    const alice = await joinAs(running().url, 'alice');
    for (let index = 1; index <= HISTORY_LIMIT + 3; index += 1) {
      await alice.emitWithAck('send_message', { text: `message ${index}` });
    }
    const bob = await connectClient(running().url);
    const history = nextEvent<{ messages: Message[] }>(bob, 'message_history');
    await bob.emitWithAck('join_chat', { nickname: 'bob' });
    const { messages } = await history;
    expect(messages).toHaveLength(HISTORY_LIMIT);
    expect(messages[0]?.text).toBe('message 4');
  });

  it('does not send the histories to sockets that are not joining', async () => {
    const watcher = await connectClient(running().url);
    const quiet = expectNoEvent(watcher, 'message_history');
    await joinAs(running().url, 'alice');
    await quiet;
  });
});
