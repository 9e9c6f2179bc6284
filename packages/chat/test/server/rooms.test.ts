import { createServer } from 'node:http';
import { expectNoEvent, nextEvent } from '@funws/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import type { RoomSummary } from '../../src/protocol/index.ts';
import { createChatServer } from '../../src/server/index.ts';
import {
  cleanUp,
  connectUser,
  expectOk,
  expectRefused,
  joinRoom,
  member,
  request,
  startChat,
  watchCounts,
} from './helpers.ts';

afterEach(cleanUp);

const countsOf = (rooms: RoomSummary[]) =>
  Object.fromEntries(rooms.map((r) => [r.name, r.members]));

describe('rooms', () => {
  it('answers a join with the room snapshot', async () => {
    const { url } = await startChat();
    const ada = await connectUser(url, 'ada');
    const snapshot = await joinRoom(ada);
    expect(snapshot).toEqual({
      room: 'general',
      members: [{ userId: ada.session.userId, nickname: 'ada', joinedAt: expect.any(String) }],
      messages: [],
      typing: [],
      polls: [],
      myVotes: {},
      canvas: [],
    });
  });

  it('normalises a room name the way the schema does', async () => {
    const { url } = await startChat();
    const ada = await connectUser(url, 'ada');
    const result = expectOk(await request(ada.socket, 'room:join', { room: '  General ' }));
    expect(result.snapshot.room).toBe('general');
  });

  it('answers the snapshot again, without a second presence diff, when joining twice', async () => {
    const { url } = await startChat();
    const grace = await member(url, 'grace');
    const ada = await member(url, 'ada');
    const noDiff = expectNoEvent(grace.socket, 'presence:diff');
    const again = await joinRoom(ada);
    await noDiff;
    expect(again.members.map((m) => m.nickname)).toEqual(['grace', 'ada']);
  });

  it('refuses an unknown room unless rooms may be created', async () => {
    const closed = await startChat();
    const ada = await connectUser(closed.url, 'ada');
    const refused = await request(ada.socket, 'room:join', { room: 'secret' });
    expectRefused(refused, 'unknown_room');
    expect(JSON.stringify(refused)).toContain('general');

    const open = await startChat({ allowRoomCreation: true });
    const grace = await connectUser(open.url, 'grace');
    await watchCounts(grace);
    const counts = nextEvent<{ rooms: RoomSummary[] }>(grace.socket, 'room:counts');
    expect((await joinRoom(grace, 'lounge')).room).toBe('lounge');
    expect(countsOf((await counts).rooms)).toEqual({ general: 0, lounge: 1 });
  });

  it('refuses to create a room past the room limit', async () => {
    const rooms = Array.from({ length: 100 }, (_, i) => `room-${i}`);
    const { url } = await startChat({ rooms, allowRoomCreation: true });
    const ada = await connectUser(url, 'ada');
    expectRefused(await request(ada.socket, 'room:join', { room: 'one-more' }), 'room_limit');
    expect((await joinRoom(ada, 'room-99')).room).toBe('room-99');
  });

  it('removes a created room, with its history, once its last member leaves', async () => {
    const { url, chat } = await startChat({ allowRoomCreation: true });
    const ada = await connectUser(url, 'ada');
    await joinRoom(ada, 'lounge');
    await request(ada.socket, 'message:send', { room: 'lounge', text: 'anyone?' });
    await watchCounts(ada);
    // Counts are coalesced (at most one update per 250 ms): an update about the join may
    // still be due. The watcher must hear, next or soon after, that the room is gone.
    const counts = nextEvent<{ rooms: RoomSummary[] }>(ada.socket, 'room:counts', {
      where: (payload) =>
        !(payload as { rooms: RoomSummary[] }).rooms.some((room) => room.name === 'lounge'),
    });
    expectOk(await request(ada.socket, 'room:leave', { room: 'lounge' }));
    expect(countsOf((await counts).rooms)).toEqual({ general: 0 });
    expect(countsOf(await chat.rooms())).toEqual({ general: 0 });
    // Created again, it starts empty; the configured room was never at risk.
    expect((await joinRoom(ada, 'lounge')).messages).toEqual([]);
    expectOk(await request(ada.socket, 'room:leave', { room: 'general' }));
    expect(countsOf(await chat.rooms())).toEqual({ general: 0, lounge: 1 });
  });

  it('frees the room limit as created rooms empty, so a long-running server keeps taking new rooms', async () => {
    const { url } = await startChat({
      allowRoomCreation: true,
      limits: { rateLimit: { burst: 500, perSecond: 500 } },
    });
    const ada = await connectUser(url, 'ada');
    // Twice the limit, one room at a time: each is removed when Ada moves on.
    for (let i = 0; i < 200; i++) {
      expectOk(await request(ada.socket, 'room:switch', { room: `room-${i}` }));
    }
  });

  it('leaves a room: the others see the member go and the counts drop', async () => {
    const { url } = await startChat();
    const grace = await member(url, 'grace');
    const ada = await member(url, 'ada');
    await watchCounts(grace);
    const diff = nextEvent(grace.socket, 'presence:diff');
    // An update about the two joins may still be due (counts are coalesced): wait for the leave's.
    const counts = nextEvent<{ rooms: RoomSummary[] }>(grace.socket, 'room:counts', {
      where: (payload) =>
        (payload as { rooms: RoomSummary[] }).rooms.some((room) => room.members === 1),
    });
    expect(await request(ada.socket, 'room:leave', { room: 'general' })).toEqual({ ok: true });
    expect(await diff).toEqual({ room: 'general', joined: [], left: [ada.session.userId] });
    expect(countsOf((await counts).rooms)).toEqual({ general: 1 });
    // Leaving again is harmless, and the departed member no longer hears the room.
    const deaf = expectNoEvent(ada.socket, 'message:new');
    expect(await request(ada.socket, 'room:leave', { room: 'general' })).toEqual({ ok: true });
    await request(grace.socket, 'message:send', { room: 'general', text: 'still here?' });
    await deaf;
  });

  it('switches rooms: leaves every room of the socket and joins the new one', async () => {
    const { url, chat } = await startChat({ rooms: ['general', 'random', 'help'] });
    const watcher = await member(url, 'watcher', 'random');
    const ada = await member(url, 'ada');
    await joinRoom(ada, 'random');
    const left = nextEvent(watcher.socket, 'presence:diff');
    const result = expectOk(await request(ada.socket, 'room:switch', { room: 'help' }));
    expect(result.snapshot.room).toBe('help');
    expect(await left).toEqual({ room: 'random', joined: [], left: [ada.session.userId] });
    expect(countsOf(await chat.rooms())).toEqual({
      general: 0,
      random: 1,
      help: 1,
    });
  });

  it('keeps the socket where it was when a switch is refused', async () => {
    const { url, chat } = await startChat();
    const ada = await member(url, 'ada');
    expectRefused(await request(ada.socket, 'room:switch', { room: 'nowhere' }), 'unknown_room');
    expect(await chat.rooms()).toEqual([{ name: 'general', members: 1 }]);
  });

  it('lists the rooms with their member counts', async () => {
    const { url } = await startChat({ rooms: ['general', 'random'] });
    await member(url, 'ada');
    const grace = await member(url, 'grace', 'random');
    await joinRoom(grace, 'general');
    expect(await request(grace.socket, 'room:list', {})).toEqual({
      ok: true,
      rooms: [
        { name: 'general', members: 2 },
        { name: 'random', members: 1 },
      ],
    });
  });

  it('refuses invalid start-up room names with a clear error', () => {
    expect(() => createChatServer(createServer(), { rooms: ['General'] })).toThrow(
      /room name "General".*did you mean 'general'/,
    );
    expect(() => createChatServer(createServer(), { rooms: ['a:b'] })).toThrow(
      /lower-case letters, digits and dashes/,
    );
    expect(() => createChatServer(createServer(), { limits: { typingTimeoutMs: 0 } })).toThrow(
      /typingTimeoutMs is 0; expected a positive number/,
    );
  });

  it('closes cleanly: sockets disconnected, no timers left, a second close harmless', async () => {
    const timersBefore = activeTimers();
    const { url, chat, listening } = await startChat({ limits: { typingTimeoutMs: 60_000 } });
    const ada = await member(url, 'ada');
    await request(ada.socket, 'typing:start', { room: 'general' });
    const disconnected = new Promise((resolve) => ada.socket.once('disconnect', resolve));
    await chat.close();
    await chat.close();
    await listening.close();
    // A transport close (not a kick) lets clients reconnect when the server comes back.
    expect(await disconnected).toBe('transport close');
    await expect.poll(activeTimers).toBeLessThanOrEqual(timersBefore);
  });
});

function activeTimers(): number {
  return process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
}
