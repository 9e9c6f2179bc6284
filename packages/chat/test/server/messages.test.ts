import { expectNoEvent, nextEvent } from '@funws/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { ChatError, type ChatMessage } from '../../src/protocol/index.ts';
import {
  cleanUp,
  connectUser,
  expectOk,
  expectRefused,
  joinRoom,
  member,
  rawRequest,
  request,
  startChat,
} from './helpers.ts';

afterEach(cleanUp);

describe('messages', () => {
  it('delivers a message to everyone in the room, the sender’s other tab included', async () => {
    const { url } = await startChat({ rooms: ['general', 'random'] });
    const ada = await member(url, 'ada');
    const adaTab2 = await connectUser(url, 'ada', { token: ada.session.token });
    await joinRoom(adaTab2);
    const grace = await member(url, 'grace');
    const elsewhere = await member(url, 'elsewhere', 'random');

    const atGrace = nextEvent<ChatMessage>(grace.socket, 'message:new');
    const atTab2 = nextEvent<ChatMessage>(adaTab2.socket, 'message:new');
    const atSender = nextEvent<ChatMessage>(ada.socket, 'message:new');
    const notElsewhere = expectNoEvent(elsewhere.socket, 'message:new');
    const { message } = expectOk(
      await request(ada.socket, 'message:send', { room: 'general', text: '  hello  ' }),
    );
    expect(message).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      room: 'general',
      userId: ada.session.userId,
      nickname: 'ada',
      text: 'hello',
      timestamp: expect.any(String),
      reactions: [],
    });
    expect(new Date(message.timestamp).toISOString()).toBe(message.timestamp);
    expect(await atGrace).toEqual(message);
    expect(await atTab2).toEqual(message);
    expect(await atSender).toEqual(message);
    await notElsewhere;
  });

  it('refuses a message to a room the socket is not in', async () => {
    const { url } = await startChat({ rooms: ['general', 'random'] });
    const ada = await member(url, 'ada');
    const inRandom = await member(url, 'grace', 'random');
    const quiet = expectNoEvent(inRandom.socket, 'message:new');
    const result = await request(ada.socket, 'message:send', { room: 'random', text: 'hi' });
    expectRefused(result, 'not_in_room');
    await quiet;
  });

  it('refuses identity fields sent by the client instead of trusting them', async () => {
    const { url } = await startChat();
    const ada = await member(url, 'ada');
    const grace = await member(url, 'grace');
    const quiet = expectNoEvent(grace.socket, 'message:new');
    for (const spoof of [
      { nickname: 'grace' },
      { userId: grace.session.userId },
      { timestamp: '1999-01-01T00:00:00.000Z' },
      { id: 'chosen-id' },
    ]) {
      const result = await rawRequest(ada.socket, 'message:send', {
        room: 'general',
        text: 'I am grace',
        ...spoof,
      });
      expectRefused(result, 'invalid_payload');
      expect(JSON.stringify(result)).toContain(Object.keys(spoof)[0]);
    }
    await quiet;
  });

  it('shows a late joiner the recent history, oldest first, bounded', async () => {
    const { url } = await startChat({ limits: { historyPerRoom: 3 } });
    const ada = await member(url, 'ada');
    for (const text of ['one', 'two', 'three', 'four']) {
      expectOk(await request(ada.socket, 'message:send', { room: 'general', text }));
    }
    const late = await connectUser(url, 'late');
    const snapshot = await joinRoom(late);
    expect(snapshot.messages.map((m) => m.text)).toEqual(['two', 'three', 'four']);
    expect(snapshot.messages.every((m) => m.nickname === 'ada')).toBe(true);
  });

  it('answers a join with since with only the messages after that one', async () => {
    const { url } = await startChat({ limits: { historyPerRoom: 3 } });
    const ada = await member(url, 'ada');
    const sent: ChatMessage[] = [];
    for (const text of ['one', 'two', 'three']) {
      sent.push(
        expectOk(await request(ada.socket, 'message:send', { room: 'general', text })).message,
      );
    }
    const late = await connectUser(url, 'late');
    const since = sent[0]?.id ?? '';
    const caughtUp = expectOk(await request(late.socket, 'room:join', { room: 'general', since }));
    expect(caughtUp.snapshot.since).toBe(since);
    expect(caughtUp.snapshot.messages.map((m) => m.text)).toEqual(['two', 'three']);
    // Already up to date: nothing to add, and still marked as an answer to `since`.
    const newest = sent[2]?.id ?? '';
    const upToDate = expectOk(
      await request(late.socket, 'room:join', { room: 'general', since: newest }),
    );
    expect(upToDate.snapshot).toMatchObject({ since: newest, messages: [] });
  });

  it('answers a join with a since it no longer has with the recent history, unmarked', async () => {
    const { url } = await startChat({ limits: { historyPerRoom: 2 } });
    const ada = await member(url, 'ada');
    const first = expectOk(
      await request(ada.socket, 'message:send', { room: 'general', text: 'one' }),
    ).message;
    for (const text of ['two', 'three']) {
      expectOk(await request(ada.socket, 'message:send', { room: 'general', text }));
    }
    const late = await connectUser(url, 'late');
    for (const since of [first.id, 'never-sent']) {
      const { snapshot } = expectOk(
        await request(late.socket, 'room:join', { room: 'general', since }),
      );
      expect(snapshot.since).toBeUndefined();
      expect(snapshot.messages.map((m) => m.text)).toEqual(['two', 'three']);
    }
  });

  it('lets the beforeMessage hook rewrite a message', async () => {
    const { url } = await startChat({
      hooks: {
        beforeMessage: async ({ text, user }) => ({
          text: `${text.replaceAll('darn', 'd**n')} (${user.nickname})`,
        }),
      },
    });
    const ada = await member(url, 'ada');
    const grace = await member(url, 'grace');
    const received = nextEvent<ChatMessage>(grace.socket, 'message:new');
    await request(ada.socket, 'message:send', { room: 'general', text: 'darn it' });
    expect((await received).text).toBe('d**n it (ada)');
  });

  it('lets the beforeMessage hook reject a message: the sender is told, nobody sees it', async () => {
    const { url } = await startChat({
      hooks: {
        beforeMessage: ({ text }) =>
          /spam/i.test(text) ? { reject: 'No spam, please.' } : { text },
      },
    });
    const ada = await member(url, 'ada');
    const grace = await member(url, 'grace');
    const quiet = expectNoEvent(grace.socket, 'message:new');
    expect(
      await request(ada.socket, 'message:send', { room: 'general', text: 'buy SPAM' }),
    ).toEqual({
      ok: false,
      error: { code: 'rejected', message: 'No spam, please.' },
    });
    await quiet;
    expect((await joinRoom(grace)).messages).toEqual([]);
  });

  it('keeps the code of a ChatError from a hook, and turns other failures into a logged internal error', async () => {
    const logged: unknown[] = [];
    const { url } = await startChat({
      logger: { error: (_message, error) => logged.push(error) },
      hooks: {
        beforeMessage: ({ text }) => {
          if (text === 'limit') throw new ChatError('rate_limited', 'Hooks may rate-limit too.');
          throw new Error('moderation service password is hunter2');
        },
      },
    });
    const ada = await member(url, 'ada');
    const grace = await member(url, 'grace');
    const quiet = expectNoEvent(grace.socket, 'message:new');
    expectRefused(
      await request(ada.socket, 'message:send', { room: 'general', text: 'limit' }),
      'rate_limited',
    );
    const failed = await request(ada.socket, 'message:send', { room: 'general', text: 'boom' });
    expectRefused(failed, 'internal');
    expect(JSON.stringify(failed)).not.toContain('hunter2');
    expect(logged).toHaveLength(1);
    await quiet;
    // The server carries on.
    expectOk(await request(grace.socket, 'room:list', {}));
  });

  it('treats a hook rewrite that breaks the limits as a server error, not a message', async () => {
    const { url } = await startChat({
      logger: { error: () => {} },
      hooks: { beforeMessage: () => ({ text: '   ' }) },
    });
    const ada = await member(url, 'ada');
    expectRefused(
      await request(ada.socket, 'message:send', { room: 'general', text: 'hi' }),
      'internal',
    );
  });

  it('keeps the order in which one socket sent its messages', async () => {
    let delay = 40;
    const { url } = await startChat({
      hooks: {
        // Earlier messages take longer to moderate; they must still come out first.
        beforeMessage: async ({ text }) => {
          delay -= 10;
          await new Promise((resolve) => setTimeout(resolve, delay));
          return { text };
        },
      },
    });
    const ada = await member(url, 'ada');
    const grace = await member(url, 'grace');
    const texts: string[] = [];
    grace.socket.on('message:new', (message) => texts.push(message.text));
    await Promise.all(
      ['1', '2', '3', '4'].map((text) =>
        request(ada.socket, 'message:send', { room: 'general', text }),
      ),
    );
    await expect.poll(() => texts).toEqual(['1', '2', '3', '4']);
  });
});
