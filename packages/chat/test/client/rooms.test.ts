import { isChatError } from '@funws/chat/protocol';
import { describe, expect, it } from 'vitest';
import { countIncoming, countOutgoing, startChat, waitForState } from './harness.ts';

const nicknames = (members: readonly { nickname: string }[] | undefined) =>
  members?.map((member) => member.nickname);

describe('ChatClient rooms and presence', () => {
  it('keeps the joined room’s snapshot in its state', async () => {
    const chat = await startChat();
    const ada = await chat.member('ada', []);
    const snapshot = await ada.join('General');
    expect(snapshot.room).toBe('general');
    expect(Object.keys(ada.state.rooms)).toEqual(['general']);
    expect(nicknames(ada.state.rooms.general?.members)).toEqual(['ada']);
  });

  it('updates the members from presence diffs as others join and leave', async () => {
    const chat = await startChat();
    const ada = await chat.member('ada');
    const bob = await chat.member('bob');
    expect(nicknames(bob.state.rooms.general?.members)).toEqual(['ada', 'bob']);
    await waitForState(ada, 'bob among the members', (state) =>
      (nicknames(state.rooms.general?.members) ?? []).includes('bob'),
    );

    await bob.leave('general');
    expect(bob.state.rooms.general).toBeUndefined();
    await waitForState(
      ada,
      'bob gone from the members',
      (state) => nicknames(state.rooms.general?.members)?.join() === 'ada',
    );

    const carol = await chat.member('carol');
    carol.close();
    await waitForState(
      ada,
      'carol gone after disconnecting',
      (state) => nicknames(state.rooms.general?.members)?.join() === 'ada',
    );
  });

  it('switches rooms: leaves every other room and joins the new one', async () => {
    const chat = await startChat();
    const ada = await chat.member('ada', ['general']);
    const bob = await chat.member('bob', ['general']);
    await ada.switchRoom('random');
    expect(Object.keys(ada.state.rooms)).toEqual(['random']);
    await waitForState(
      bob,
      'ada gone from general',
      (state) => nicknames(state.rooms.general?.members)?.join() === 'bob',
    );
  });

  it('rejects an unknown room with an unknown_room ChatError', async () => {
    const chat = await startChat();
    const ada = await chat.member('ada', []);
    const error = await ada.join('nowhere').catch((caught: unknown) => caught);
    expect(isChatError(error) && error.code).toBe('unknown_room');
    expect(ada.state.rooms).toEqual({});
  });

  it('refuses a malformed room name without a round trip', async () => {
    const chat = await startChat();
    const ada = await chat.member('ada', []);
    const sent = countOutgoing(ada);
    const error = await ada.join('no spaces!').catch((caught: unknown) => caught);
    expect(isChatError(error) && error.code).toBe('invalid_payload');
    expect(sent.size).toBe(0);
  });

  it('keeps the room counts current as members come and go, once it watches them', async () => {
    const chat = await startChat();
    const ada = await chat.member('ada');
    expect(await ada.watchRoomCounts()).toEqual([
      { name: 'general', members: 1 },
      { name: 'random', members: 0 },
    ]);
    const bob = await chat.member('bob', ['random']);
    await waitForState(ada, 'one member in random', (state) =>
      state.roomCounts.some((room) => room.name === 'random' && room.members === 1),
    );
    await bob.leave('random');
    await waitForState(ada, 'nobody in random', (state) =>
      state.roomCounts.some((room) => room.name === 'random' && room.members === 0),
    );
  });

  it('stops hearing room counts once it unwatches them', async () => {
    const chat = await startChat();
    const ada = await chat.member('ada');
    await ada.watchRoomCounts();
    await ada.unwatchRoomCounts();
    // Counted from here: anything sent before the unwatch arrived before its answer.
    const heard = countIncoming(ada);
    await chat.member('bob', ['random']);
    // A round trip on ada's own connection: anything sent her before it has arrived.
    await ada.listRooms();
    expect(heard.get('room:counts') ?? 0).toBe(0);
    expect(ada.state.roomCounts).toContainEqual({ name: 'random', members: 1 });
  });
});
