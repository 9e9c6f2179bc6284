// Every row of demo 6's room contract: join_room, switch_room, room_list_update,
// user_list_update, message_history, new_message, user_joined / user_left.
import { expectNoEvent, nextEvent } from '@funws/testkit';
import { io } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import {
  HISTORY_LIMIT,
  type Message,
  type RoomInfo,
  type RoomName,
  type SystemMessage,
  type User,
} from '../src/protocol.ts';
import { connectClient, joinAs, useApp } from './helpers.ts';

type RoomList = { rooms: RoomInfo[] };
type UserList = { room: RoomName; users: User[] };
type History = { room: RoomName; messages: Message[] };

const counts = (list: RoomList) =>
  Object.fromEntries(list.rooms.map((room) => [room.name, room.userCount]));

// Some tests here send more events than one browser tab may (the rate limit), on purpose.
const floodable = { rateLimit: { burst: 10_000, perSecond: 10_000 } };

describe('join_room', () => {
  const running = useApp();

  it('sends the room list to a new connection before it joins', async () => {
    await joinAs(running().url, 'alice', 'random');
    // Listen before connecting: the list is the very first thing the server sends.
    const socket = io(running().url, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      autoConnect: false,
    });
    try {
      const list = nextEvent<RoomList>(socket, 'room_list_update');
      socket.connect();
      expect(counts(await list)).toEqual({ general: 0, random: 1, tech: 0 });
    } finally {
      socket.disconnect();
    }
  });

  it('answers with the server-made user and the room, nickname trimmed', async () => {
    const socket = await connectClient(running().url);
    const ack = await socket.emitWithAck('join_room', { nickname: '  alice  ', room: 'tech' });
    expect(ack).toMatchObject({ ok: true, room: 'tech', user: { nickname: 'alice' } });
    if (!ack.ok) return;
    expect(ack.user.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Date(ack.user.joinedAt).toISOString()).toBe(ack.user.joinedAt);
  });

  it('refuses rooms that do not exist instead of mapping them to general', async () => {
    const socket = await connectClient(running().url);
    for (const room of ['lobby', 'General', '', '<img src=x onerror=alert(1)>']) {
      const ack = await socket.emitWithAck('join_room', { nickname: 'alice', room });
      expect(ack, `room "${room}"`).toMatchObject({ ok: false, error: { code: 'unknown_room' } });
    }
    // Still not joined: sending is refused.
    const send = await socket.emitWithAck('send_message', { text: 'hi' });
    expect(send).toMatchObject({ ok: false, error: { code: 'not_joined' } });
  });

  it('refuses empty and over-long nicknames', async () => {
    const socket = await connectClient(running().url);
    for (const nickname of ['', '    ', 'x'.repeat(33)]) {
      const ack = await socket.emitWithAck('join_room', { nickname, room: 'general' });
      expect(ack).toMatchObject({ ok: false, error: { code: 'nickname_invalid' } });
    }
    const ok = await socket.emitWithAck('join_room', { nickname: 'x'.repeat(32), room: 'general' });
    expect(ok.ok, 'a 32-character nickname is allowed').toBe(true);
  });

  it('refuses a nickname in use anywhere on the server, ignoring case', async () => {
    await joinAs(running().url, 'Alice', 'tech');
    const socket = await connectClient(running().url);
    const ack = await socket.emitWithAck('join_room', { nickname: ' alice ', room: 'general' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'nickname_taken' } });
  });

  it('refuses a second join from the same socket', async () => {
    const alice = await joinAs(running().url, 'alice', 'tech');
    const ack = await alice.emitWithAck('join_room', { nickname: 'alice2', room: 'general' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'already_joined' } });
  });

  it('tells the room who joined, and leaves other rooms alone', async () => {
    const bob = await joinAs(running().url, 'bob', 'general');
    const carol = await joinAs(running().url, 'carol', 'tech');
    const joined = nextEvent<SystemMessage>(bob, 'user_joined');
    const list = nextEvent<UserList>(bob, 'user_list_update');
    const carolHearsNothing = expectNoEvent(carol, 'user_joined');
    await joinAs(running().url, 'alice', 'general');
    expect(await joined).toMatchObject({ type: 'system', room: 'general', userCount: 2 });
    const users = await list;
    expect(users.room).toBe('general');
    expect(users.users.map((user) => user.nickname)).toEqual(['bob', 'alice']);
    await carolHearsNothing;
  });

  it('sends the joiner an empty history for a quiet room', async () => {
    const socket = await connectClient(running().url);
    const history = nextEvent<History>(socket, 'message_history');
    await socket.emitWithAck('join_room', { nickname: 'alice', room: 'random' });
    expect(await history).toEqual({ room: 'random', messages: [] });
  });
});

describe('send_message in rooms', () => {
  const running = useApp(floodable);

  it('delivers a message to the sender’s room only, with the room and server-made fields', async () => {
    const alice = await joinAs(running().url, 'alice', 'tech');
    const bob = await joinAs(running().url, 'bob', 'tech');
    const carol = await joinAs(running().url, 'carol', 'general');
    const carolHearsNothing = expectNoEvent(carol, 'new_message');
    const bobHears = nextEvent<Message>(bob, 'new_message');
    const ack = await alice.emitWithAck('send_message', { text: '  hello  ' });
    const message = await bobHears;
    expect(message).toMatchObject({ type: 'user', text: 'hello', nickname: 'alice', room: 'tech' });
    expect(ack).toEqual({ ok: true });
    expect(Date.parse(message.timestamp)).not.toBeNaN();
    await carolHearsNothing;
  });

  it('keeps only the last 100 messages of each room', async () => {
    const alice = await joinAs(running().url, 'alice', 'random');
    for (let index = 1; index <= HISTORY_LIMIT + 5; index += 1) {
      await alice.emitWithAck('send_message', { text: `message ${index}` });
    }
    const bob = await connectClient(running().url);
    const history = nextEvent<History>(bob, 'message_history');
    await bob.emitWithAck('join_room', { nickname: 'bob', room: 'random' });
    const { messages } = await history;
    expect(messages).toHaveLength(HISTORY_LIMIT);
    expect(messages[0]?.text).toBe('message 6');
    expect(messages.at(-1)?.text).toBe(`message ${HISTORY_LIMIT + 5}`);
  });
});

describe('switch_room', () => {
  const running = useApp();

  it('sends the new room’s history to the switcher', async () => {
    const bob = await joinAs(running().url, 'bob', 'tech');
    await bob.emitWithAck('send_message', { text: 'tech talk' });
    const alice = await joinAs(running().url, 'alice', 'general');
    const history = nextEvent<History>(alice, 'message_history');
    await alice.emitWithAck('switch_room', { room: 'tech' });
    const received = await history;
    expect(received.room).toBe('tech');
    expect(received.messages.map((message) => message.text)).toEqual(['tech talk']);
  });

  it('announces the departure in the room the server recorded, under the real nickname', async () => {
    const alice = await joinAs(running().url, 'alice', 'general');
    const bob = await joinAs(running().url, 'bob', 'general');
    const carol = await joinAs(running().url, 'carol', 'random');
    const left = nextEvent<SystemMessage>(bob, 'user_left');
    const randomHearsNothing = expectNoEvent(carol, 'user_left');
    await alice.emitWithAck('switch_room', {
      room: 'tech',
      nickname: 'carol',
      old_room: 'random',
    } as { room: string });
    const notice = await left;
    expect(notice).toMatchObject({ type: 'system', room: 'general', userCount: 1 });
    expect(notice.text).toContain('alice');
    expect(notice.text).not.toContain('carol');
    await randomHearsNothing;
  });

  it('updates the room list for everyone, even sockets that have not joined', async () => {
    const watcher = await connectClient(running().url);
    const alice = await joinAs(running().url, 'alice', 'general');
    // The update from Alice's join may still be on its way, so wait for the one after the switch.
    const list = nextEvent<RoomList>(watcher, 'room_list_update', {
      where: (update: RoomList) => counts(update).tech === 1,
    });
    await alice.emitWithAck('switch_room', { room: 'tech' });
    expect(counts(await list)).toEqual({ general: 0, random: 0, tech: 1 });
  });

  it('refuses an unknown room and keeps the user where they were', async () => {
    const alice = await joinAs(running().url, 'alice', 'general');
    const bob = await joinAs(running().url, 'bob', 'general');
    const ack = await alice.emitWithAck('switch_room', { room: 'nowhere' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'unknown_room' } });
    const bobHears = nextEvent<Message>(bob, 'new_message');
    await alice.emitWithAck('send_message', { text: 'still here' });
    expect((await bobHears).room).toBe('general');
  });

  it('refuses to switch before joining', async () => {
    const socket = await connectClient(running().url);
    const ack = await socket.emitWithAck('switch_room', { room: 'tech' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'not_joined' } });
  });

  it('treats a switch to the current room as done, without announcing anything', async () => {
    const alice = await joinAs(running().url, 'alice', 'general');
    const bob = await joinAs(running().url, 'bob', 'general');
    const bobHearsNothing = expectNoEvent(bob, 'user_joined');
    expect(await alice.emitWithAck('switch_room', { room: 'general' })).toEqual({
      ok: true,
      room: 'general',
    });
    await bobHearsNothing;
  });
});

describe('disconnect', () => {
  const running = useApp();

  it('tells the room and updates the lists, and frees the nickname', async () => {
    const alice = await joinAs(running().url, 'alice', 'tech');
    const bob = await joinAs(running().url, 'bob', 'tech');
    const left = nextEvent<SystemMessage>(bob, 'user_left');
    const users = nextEvent<UserList>(bob, 'user_list_update');
    const rooms = nextEvent<RoomList>(bob, 'room_list_update');
    alice.disconnect();
    expect(await left).toMatchObject({ room: 'tech', userCount: 1 });
    expect((await users).users.map((user) => user.nickname)).toEqual(['bob']);
    expect(counts(await rooms)).toEqual({ general: 0, random: 0, tech: 1 });
    await joinAs(running().url, 'ALICE', 'general'); // the name is free again
  });
});
