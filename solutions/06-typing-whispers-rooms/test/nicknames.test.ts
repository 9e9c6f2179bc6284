// Nicknames people can trust, in every room: look-alikes count as taken (so a
// whisper's `to` names one person), hidden characters are refused, and text
// nobody can read is refused.
import { expectNoEvent, nextEvent } from '@funws/testkit';
import { describe, expect, it } from 'vitest';
import type { PrivateMessage } from '../src/protocol.ts';
import { connectClient, joinAs, useApp } from './helpers.ts';

describe('nicknames', () => {
  const running = useApp();

  it('counts a look-alike of a nickname in use as taken, in any room', async () => {
    await joinAs(running().url, 'bob', 'general');
    const socket = await connectClient(running().url);
    for (const copy of ['b\u043eb', 'BOB', 'b0b']) {
      const answer = await socket.emitWithAck('join_room', { nickname: copy, room: 'tech' });
      expect(answer, copy).toMatchObject({ ok: false, error: { code: 'nickname_taken' } });
    }
  });

  it('refuses a nickname holding an invisible or direction-changing character', async () => {
    const socket = await connectClient(running().url);
    for (const nickname of ['bob\u200b', '\u202ebob', 'b\u0000ob']) {
      const answer = await socket.emitWithAck('join_room', { nickname, room: 'general' });
      expect(answer, JSON.stringify(nickname)).toMatchObject({
        ok: false,
        error: { code: 'nickname_invalid' },
      });
    }
  });

  it('delivers a whisper addressed by a look-alike spelling to the one user it looks like', async () => {
    const alice = await joinAs(running().url, 'alice', 'general');
    const bob = await joinAs(running().url, 'bob', 'tech');
    const bobHears = nextEvent<PrivateMessage>(bob, 'private_message');
    expect(await alice.emitWithAck('send_whisper', { to: 'BOB', text: 'psst' })).toEqual({
      ok: true,
    });
    expect(await bobHears).toMatchObject({ from: 'alice', to: 'bob', text: 'psst' });
  });
});

describe('message text', () => {
  const running = useApp();

  it('refuses NUL and half a surrogate pair in messages and whispers, sending nothing', async () => {
    const alice = await joinAs(running().url, 'alice', 'general');
    const bob = await joinAs(running().url, 'bob', 'general');
    const quiet = [expectNoEvent(bob, 'new_message'), expectNoEvent(bob, 'private_message')];
    for (const text of ['a\u0000b', 'half \ud83d']) {
      const sent = await alice.emitWithAck('send_message', { text });
      expect(sent, JSON.stringify(text)).toMatchObject({
        ok: false,
        error: { code: 'invalid_payload' },
      });
      const whispered = await alice.emitWithAck('send_whisper', { to: 'bob', text });
      expect(whispered, JSON.stringify(text)).toMatchObject({
        ok: false,
        error: { code: 'invalid_payload' },
      });
    }
    await Promise.all(quiet);
  });
});
