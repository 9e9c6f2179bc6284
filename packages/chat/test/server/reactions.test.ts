import { expectNoEvent, nextEvent } from '@funws/testkit';
import { afterEach, describe, expect, it } from 'vitest';
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
  type TestUser,
} from './helpers.ts';

afterEach(cleanUp);

async function say(user: TestUser, text: string): Promise<string> {
  return expectOk(await request(user.socket, 'message:send', { room: 'general', text })).message.id;
}

describe('reactions', () => {
  it('toggles a user’s reaction on and off and tells the room', async () => {
    const { url } = await startChat();
    const ada = await member(url, 'ada');
    const grace = await member(url, 'grace');
    const messageId = await say(ada, 'lunch?');

    const added = nextEvent(ada.socket, 'reaction:update');
    const on = await request(grace.socket, 'reaction:toggle', {
      room: 'general',
      messageId,
      emoji: '👍',
    });
    expect(on).toEqual({ ok: true, reactions: [{ emoji: '👍', userIds: [grace.session.userId] }] });
    expect(await added).toEqual({
      room: 'general',
      messageId,
      reactions: [{ emoji: '👍', userIds: [grace.session.userId] }],
    });

    await request(ada.socket, 'reaction:toggle', { room: 'general', messageId, emoji: '👍' });
    await request(ada.socket, 'reaction:toggle', { room: 'general', messageId, emoji: '🎉' });
    const removed = nextEvent(ada.socket, 'reaction:update');
    const off = await request(grace.socket, 'reaction:toggle', {
      room: 'general',
      messageId,
      emoji: '👍',
    });
    const expected = [
      { emoji: '👍', userIds: [ada.session.userId] },
      { emoji: '🎉', userIds: [ada.session.userId] },
    ];
    expect(off).toEqual({ ok: true, reactions: expected });
    expect(await removed).toEqual({ room: 'general', messageId, reactions: expected });
  });

  it('lists only emoji somebody still reacts with', async () => {
    const { url } = await startChat();
    const ada = await member(url, 'ada');
    const messageId = await say(ada, 'hm');
    await request(ada.socket, 'reaction:toggle', { room: 'general', messageId, emoji: '😮' });
    const off = await request(ada.socket, 'reaction:toggle', {
      room: 'general',
      messageId,
      emoji: '😮',
    });
    expect(off).toEqual({ ok: true, reactions: [] });
  });

  it('counts one reaction per user, whichever tab it comes from', async () => {
    const { url } = await startChat();
    const ada = await member(url, 'ada');
    const adaTab2 = await connectUser(url, 'ada', { token: ada.session.token });
    await joinRoom(adaTab2);
    const messageId = await say(ada, 'hi');
    await request(ada.socket, 'reaction:toggle', { room: 'general', messageId, emoji: '❤️' });
    const fromTab2 = await request(adaTab2.socket, 'reaction:toggle', {
      room: 'general',
      messageId,
      emoji: '❤️',
    });
    expect(fromTab2).toEqual({ ok: true, reactions: [] });
  });

  it('shows a late joiner the reactions in history', async () => {
    const { url } = await startChat();
    const ada = await member(url, 'ada');
    const messageId = await say(ada, 'party');
    await request(ada.socket, 'reaction:toggle', { room: 'general', messageId, emoji: '🎉' });
    const late = await connectUser(url, 'late');
    const [message] = (await joinRoom(late)).messages;
    expect(message?.reactions).toEqual([{ emoji: '🎉', userIds: [ada.session.userId] }]);
  });

  it('refuses reactions to unknown messages, outside the room, or with other emoji', async () => {
    const { url } = await startChat({ rooms: ['general', 'random'] });
    const ada = await member(url, 'ada');
    const outsider = await member(url, 'outsider', 'random');
    const messageId = await say(ada, 'hi');
    const quiet = expectNoEvent(ada.socket, 'reaction:update');
    expectRefused(
      await request(ada.socket, 'reaction:toggle', {
        room: 'general',
        messageId: 'nope',
        emoji: '👍',
      }),
      'unknown_message',
    );
    expectRefused(
      await request(outsider.socket, 'reaction:toggle', {
        room: 'general',
        messageId,
        emoji: '👍',
      }),
      'not_in_room',
    );
    await joinRoom(outsider, 'general');
    expectRefused(
      await request(outsider.socket, 'reaction:toggle', { room: 'random', messageId, emoji: '👍' }),
      'unknown_message',
    );
    expectRefused(
      await rawRequest(ada.socket, 'reaction:toggle', { room: 'general', messageId, emoji: '💩' }),
      'invalid_payload',
    );
    await quiet;
  });
});
