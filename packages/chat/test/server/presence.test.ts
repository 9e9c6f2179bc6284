import { expectNoEvent, nextEvent } from '@funws/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import type { Member, RoomSummary, UserId } from '../../src/protocol/index.ts';
import {
  cleanUp,
  connectUser,
  connectUsers,
  expectOk,
  joinRoom,
  member,
  request,
  startChat,
  type TestUser,
  watchCounts,
} from './helpers.ts';

afterEach(cleanUp);

type Diff = { room: string; joined: Member[]; left: UserId[] };

describe('presence', () => {
  it('sends existing members a one-member diff when someone joins, and the joiner the full list', async () => {
    const { url } = await startChat();
    const ada = await member(url, 'ada');
    const grace = await connectUser(url, 'grace');
    const diff = nextEvent<Diff>(ada.socket, 'presence:diff');
    const graceHearsNoDiff = expectNoEvent(grace.socket, 'presence:diff');
    const snapshot = await joinRoom(grace);
    expect(await diff).toEqual({
      room: 'general',
      joined: [{ userId: grace.session.userId, nickname: 'grace', joinedAt: expect.any(String) }],
      left: [],
    });
    await graceHearsNoDiff;
    expect(snapshot.members.map((m) => m.nickname)).toEqual(['ada', 'grace']);
  });

  it('counts a user with two tabs once, and lets them leave with the last tab', async () => {
    const { url, chat } = await startChat();
    const observer = await member(url, 'observer');
    const tab1 = await member(url, 'ada');
    const tab2 = await connectUser(url, 'ada', { token: tab1.session.token });
    await joinRoom(tab2);
    expect(await chat.rooms()).toEqual([{ name: 'general', members: 2 }]);

    const noDiff = expectNoEvent(observer.socket, 'presence:diff');
    tab1.socket.disconnect();
    await noDiff;
    const left = nextEvent<Diff>(observer.socket, 'presence:diff');
    tab2.socket.disconnect();
    expect(await left).toEqual({ room: 'general', joined: [], left: [tab1.session.userId] });
    expect(await chat.rooms()).toEqual([{ name: 'general', members: 1 }]);
  });

  it('sends room counts to the sockets that watch them, and to no other', async () => {
    const { url } = await startChat({ rooms: ['general', 'random'] });
    const lobby = await connectUser(url, 'lobby');
    const bystander = await connectUser(url, 'bystander');
    await watchCounts(lobby);
    const counts = nextEvent(lobby.socket, 'room:counts');
    await member(url, 'ada', 'random');
    expect(await counts).toEqual({
      rooms: [
        { name: 'general', members: 0 },
        { name: 'random', members: 1 },
      ],
    });
    // One broadcast would have reached both; a round trip on the bystander's own connection
    // proves that nothing is on its way to it.
    expectOk(await request(bystander.socket, 'room:list', {}));
    expect(bystander.received).not.toContain('room:counts');
  });

  it('coalesces room counts: a burst of joins and leaves sends a watcher one update per interval', async () => {
    // An interval far longer than the test: the first change is sent at once, the rest wait for it.
    const { url, chat } = await startChat({ limits: { roomCountsIntervalMs: 60 * 60_000 } });
    const watcher = await connectUser(url, 'watcher');
    await watchCounts(watcher);
    const first = nextEvent<{ rooms: RoomSummary[] }>(watcher.socket, 'room:counts');
    const members = await connectUsers(url, 'burst', 30);
    for (const each of members) await joinRoom(each);
    for (const each of members.slice(0, 10)) {
      expectOk(await request(each.socket, 'room:leave', { room: 'general' }));
    }
    await first;
    expectOk(await request(watcher.socket, 'room:list', {}));
    expect(watcher.received.filter((event) => event === 'room:counts')).toHaveLength(1);
    expect(await chat.rooms()).toEqual([{ name: 'general', members: 20 }]);
  });

  it('sends a watcher the counts as they ended after a burst', async () => {
    const { url } = await startChat({ limits: { roomCountsIntervalMs: 20 } });
    const watcher = await connectUser(url, 'watcher');
    await watchCounts(watcher);
    const seen: number[] = [];
    const settled = new Promise<void>((resolve) => {
      watcher.socket.on('room:counts', ({ rooms }) => {
        seen.push(rooms[0]?.members ?? -1);
        if (rooms[0]?.members === 30) resolve();
      });
    });
    const members = await connectUsers(url, 'burst', 30);
    await Promise.all(members.map((each) => joinRoom(each)));
    await settled;
    expect(seen.at(-1)).toBe(30);
  });

  it('keeps presence right when a dropped connection is recovered', async () => {
    const { url, chat } = await startChat();
    const observer = await member(url, 'observer');
    const ada = await connectUser(url, 'ada', {}, { reconnection: true, reconnectionDelay: 50 });
    await joinRoom(ada);

    const diffs: Diff[] = [];
    observer.socket.on('presence:diff', (diff) => diffs.push(diff));
    const reconnected = new Promise<void>((resolve) => ada.socket.once('connect', () => resolve()));
    ada.socket.io.engine.close();
    await reconnected;
    expect(ada.socket.recovered).toBe(true);

    // Still in the room without joining again, and still counted once.
    const message = nextEvent(ada.socket, 'message:new');
    await request(observer.socket, 'message:send', { room: 'general', text: 'welcome back' });
    expect(await message).toMatchObject({ text: 'welcome back' });
    expect(await chat.rooms()).toEqual([{ name: 'general', members: 2 }]);
    expect(diffs.map((d) => [d.left.length, d.joined.length])).toEqual([
      [1, 0],
      [0, 1],
    ]);
  });

  it('costs an existing member the same bytes per join in a room of 10 and of 200', async () => {
    const small = await bytesPerJoin(10);
    const large = await bytesPerJoin(200);
    console.log(
      `presence: bytes an existing member receives per join: 10 members → ${small} B, ` +
        `200 members → ${large} B (ratio ${(large / small).toFixed(3)})`,
    );
    expect(large / small).toBeGreaterThan(0.8);
    expect(large / small).toBeLessThan(1.2);
  }, 60_000);
});

/**
 * Fills a room with `size` members, then counts the bytes one existing member
 * receives (engine.io packets, as they arrive) while one more member joins.
 */
async function bytesPerJoin(size: number): Promise<number> {
  const { url } = await startChat();
  const members = await connectUsers(url, `m${size}`, size);
  const observer = members[0] as TestUser;
  await joinRoom(observer);
  for (let start = 1; start < size; start += 50) {
    await Promise.all(members.slice(start, start + 50).map((m) => joinRoom(m)));
  }
  // Packets to one socket arrive in order: after a round trip of its own, nothing older is in flight.
  expectOk(await request(observer.socket, 'room:list', {}));

  let bytes = 0;
  observer.socket.io.engine.on('packet', ({ type, data }) => {
    // Engine.io `message` packets carry socket.io packets: `2[…]` is an event, `3…` an ack.
    if (type === 'message' && typeof data === 'string' && data.startsWith('2')) {
      bytes += Buffer.byteLength(data);
    }
  });
  const newcomer = await connectUser(url, 'newcomer');
  const diff = nextEvent(observer.socket, 'presence:diff');
  await joinRoom(newcomer);
  await diff;
  expectOk(await request(observer.socket, 'room:list', {}));
  await cleanUp();
  return bytes;
}
