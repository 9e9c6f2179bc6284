// Goal: `switch_room { room }` moves you to another room: you leave the old
// room (you no longer hear what is said there) and enter the new one. The
// server already knows who you are and which room you are in, so it uses ITS
// record: a client that also sends `nickname` or `old_room` (as the original's
// did) cannot pretend to be someone else or make another room announce a departure.
import { disconnectAll, expectNoEvent, nextEvent, startApp } from '@funws/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import type { Message, RoomName, User } from '../src/protocol.ts';
import { ACK_TIMEOUT_MS, type Client, joinAs } from './helpers.ts';

const where = 'In the switch_room handler (src/app.ts, step 2)';

/** The original's payload had these fields; the server must ignore them. */
function switchWithLies(
  socket: Client,
  payload: { room: string; nickname: string; old_room: string },
) {
  return socket.timeout(ACK_TIMEOUT_MS).emitWithAck('switch_room', payload);
}

describe('step 2: switch rooms using the server’s record', () => {
  let running: Awaited<ReturnType<typeof startApp>>;
  beforeEach(async () => {
    running = await startApp(createApp);
  });
  afterEach(async () => {
    disconnectAll();
    await running.close();
  });

  it('moves the user into the new room, under their own nickname, whatever the client claims', async () => {
    const alice = await joinAs(running.url, 'alice', 'general');
    const bob = await joinAs(running.url, 'bob', 'tech');
    const carol = await joinAs(running.url, 'carol', 'general');

    const ack = await switchWithLies(alice, {
      room: 'tech',
      nickname: 'carol',
      old_room: 'random',
    });
    expect(ack, 'switch_room answers { ok: true, room }').toEqual({ ok: true, room: 'tech' });

    const sent = alice.timeout(ACK_TIMEOUT_MS).emitWithAck('send_message', { text: 'hi tech' });
    const carolHearsNothing = expectNoEvent(carol, 'new_message', { after: sent });
    const message = await nextEvent<Message>(bob, 'new_message', { after: sent }).catch(() => {
      throw new Error(
        `Alice switched to #tech and said something, but Bob (in #tech) got no new_message. ${where}, leave the old room and enter the new one.`,
      );
    });
    expect(message.nickname, 'the nickname comes from the server, not from the payload').toBe(
      'alice',
    );
    expect(message.room).toBe('tech');
    await carolHearsNothing;
  });

  it('leaves the old room: what is said there no longer reaches the user', async () => {
    const alice = await joinAs(running.url, 'alice', 'general');
    const carol = await joinAs(running.url, 'carol', 'general');
    await switchWithLies(alice, { room: 'tech', nickname: 'alice', old_room: 'general' });

    const sent = carol.timeout(ACK_TIMEOUT_MS).emitWithAck('send_message', { text: 'still here?' });
    await expectNoEvent(alice, 'new_message', { after: sent }).catch((error: Error) => {
      throw new Error(
        `Alice moved to #tech but still hears #general: ${error.message}\n${where}, socket.leave() the room she was in.`,
      );
    });
  });

  it('updates the user lists of the room the server recorded and the new room', async () => {
    const alice = await joinAs(running.url, 'alice', 'general');
    const bob = await joinAs(running.url, 'bob', 'general');
    const carol = await joinAs(running.url, 'carol', 'random');

    const switched = switchWithLies(alice, { room: 'tech', nickname: 'carol', old_room: 'random' });
    const randomHearsNothing = expectNoEvent(carol, 'user_left', { after: switched });
    const update = await nextEvent<{ room: RoomName; users: User[] }>(bob, 'user_list_update', {
      after: switched,
      where: (candidate: { room: string }) => candidate.room === 'general',
    }).catch(() => {
      throw new Error(
        `After Alice left #general, Bob expected a user_list_update for #general. ${where}, announce the departure to the old room.`,
      );
    });
    expect(update.users.map((user) => user.nickname)).toEqual(['bob']);
    await randomHearsNothing;
  });
});
