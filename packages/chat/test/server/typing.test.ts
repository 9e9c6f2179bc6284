import { expectNoEvent, nextEvent } from '@funws/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import {
  cleanUp,
  connectUser,
  expectRefused,
  joinRoom,
  member,
  request,
  startChat,
} from './helpers.ts';

afterEach(cleanUp);

type Update = { room: string; userIds: string[] };
const general = { room: 'general' };

describe('typing', () => {
  it('tells the others who is typing, and not the typist', async () => {
    const { url } = await startChat();
    const ada = await member(url, 'ada');
    const grace = await member(url, 'grace');
    const atGrace = nextEvent<Update>(grace.socket, 'typing:update');
    const notAda = expectNoEvent(ada.socket, 'typing:update');
    expect(await request(ada.socket, 'typing:start', general)).toEqual({ ok: true });
    expect(await atGrace).toEqual({ room: 'general', userIds: [ada.session.userId] });
    await notAda;
  });

  it('leaves each typist out of the list they receive', async () => {
    const { url } = await startChat();
    const ada = await member(url, 'ada');
    const grace = await member(url, 'grace');
    const watcher = await member(url, 'watcher');
    const first = nextEvent<Update>(watcher.socket, 'typing:update');
    await request(ada.socket, 'typing:start', general);
    await first;

    const atAda = nextEvent<Update>(ada.socket, 'typing:update');
    const atWatcher = nextEvent<Update>(watcher.socket, 'typing:update');
    const notGrace = expectNoEvent(grace.socket, 'typing:update');
    await request(grace.socket, 'typing:start', general);
    expect(await atAda).toEqual({ room: 'general', userIds: [grace.session.userId] });
    expect(await atWatcher).toEqual({
      room: 'general',
      userIds: [ada.session.userId, grace.session.userId],
    });
    await notGrace;
    // A late joiner's snapshot lists the typists too.
    const late = await connectUser(url, 'late');
    expect((await joinRoom(late)).typing).toEqual([ada.session.userId, grace.session.userId]);
  });

  it('broadcasts only when the set of typists changes', async () => {
    const { url } = await startChat();
    const ada = await member(url, 'ada');
    const grace = await member(url, 'grace');
    const started = nextEvent(grace.socket, 'typing:update');
    await request(ada.socket, 'typing:start', general);
    await started;
    const quiet = expectNoEvent(grace.socket, 'typing:update');
    await request(ada.socket, 'typing:start', general);
    await request(grace.socket, 'typing:stop', general);
    await quiet;
  });

  it('forgets a typist after the typing timeout', async () => {
    const { url } = await startChat({ limits: { typingTimeoutMs: 150 } });
    const ada = await member(url, 'ada');
    const grace = await member(url, 'grace');
    const updates: Update[] = [];
    grace.socket.on('typing:update', (update) => updates.push(update));
    const expired = nextEvent<Update>(grace.socket, 'typing:update', {
      where: (update: Update) => update.userIds.length === 0,
    });
    const startedAt = Date.now();
    await request(ada.socket, 'typing:start', general);
    expect(await expired).toEqual({ room: 'general', userIds: [] });
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(140);
    expect(updates).toHaveLength(2);
  });

  // Each way a typist stops: the others must see the list empty again.
  const stops: [string, (ada: Awaited<ReturnType<typeof member>>) => unknown][] = [
    ['on typing:stop', (ada) => request(ada.socket, 'typing:stop', general)],
    [
      'when the typist sends their message',
      (ada) => request(ada.socket, 'message:send', { room: 'general', text: 'done typing' }),
    ],
    [
      'when the typist switches rooms',
      (ada) => request(ada.socket, 'room:switch', { room: 'random' }),
    ],
    ['when the typist disconnects', (ada) => ada.socket.disconnect()],
  ];

  it.each(stops)('stops %s', async (_how, stop) => {
    const { url } = await startChat({ rooms: ['general', 'random'] });
    const ada = await member(url, 'ada');
    const grace = await member(url, 'grace');
    const started = nextEvent(grace.socket, 'typing:update');
    await request(ada.socket, 'typing:start', general);
    await started;
    const stopped = nextEvent<Update>(grace.socket, 'typing:update');
    await stop(ada);
    expect(await stopped).toEqual({ room: 'general', userIds: [] });
  });

  it('refuses typing in a room the socket is not in', async () => {
    const { url } = await startChat({ rooms: ['general', 'random'] });
    const ada = await member(url, 'ada');
    expectRefused(await request(ada.socket, 'typing:start', { room: 'random' }), 'not_in_room');
  });
});
