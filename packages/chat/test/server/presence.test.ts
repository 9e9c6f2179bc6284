import { expectNoEvent, nextEvent } from '@funws/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import type { Member, UserId } from '../../src/protocol/index.ts';
import {
  cleanUp,
  connectUser,
  connectUsers,
  joinRoom,
  member,
  request,
  startChat,
  type TestUser,
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

  it('broadcasts room counts to everyone connected when a count changes', async () => {
    const { url } = await startChat({ rooms: ['general', 'random'] });
    const lobby = await connectUser(url, 'lobby');
    const counts = nextEvent(lobby.socket, 'room:counts');
    await member(url, 'ada', 'random');
    expect(await counts).toEqual({
      rooms: [
        { name: 'general', members: 0 },
        { name: 'random', members: 1 },
      ],
    });
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
  let heard = 0;
  observer.socket.on('room:counts', ({ rooms }) => {
    heard = rooms[0]?.members ?? 0;
  });
  for (let start = 0; start < size; start += 50) {
    await Promise.all(members.slice(start, start + 50).map((m) => joinRoom(m)));
  }
  // Packets to one socket arrive in order: once it heard the count of `size`, nothing older is in flight.
  await expect.poll(() => heard, { timeout: 10_000 }).toBe(size);

  let bytes = 0;
  observer.socket.io.engine.on('packet', ({ data }) => {
    bytes += typeof data === 'string' ? Buffer.byteLength(data) : 0;
  });
  const newcomer = await connectUser(url, 'newcomer');
  const diff = nextEvent(observer.socket, 'presence:diff');
  await joinRoom(newcomer);
  await diff;
  await expect.poll(() => heard).toBe(size + 1);
  await cleanUp();
  return bytes;
}
