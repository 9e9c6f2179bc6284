// Nicknames people can trust (look-alikes taken, hidden characters refused) and
// text nobody can read refused, in messages and polls alike.
import { expectNoEvent } from '@funws/testkit';
import { describe, expect, it } from 'vitest';
import { connectClient, joinAs, useApp } from './helpers.ts';

describe('nicknames', () => {
  const running = useApp();

  it('counts a look-alike of a nickname in use as taken', async () => {
    await joinAs(running().url, 'bob');
    const socket = await connectClient(running().url);
    for (const copy of ['b\u043eb', 'BOB', 'ｂｏｂ']) {
      const answer = await socket.emitWithAck('join_chat', { nickname: copy });
      expect(answer, copy).toMatchObject({ ok: false, error: { code: 'nickname_taken' } });
    }
  });

  it('refuses a nickname holding an invisible or direction-changing character', async () => {
    const socket = await connectClient(running().url);
    for (const nickname of ['bob\u200b', '\u202ebob', 'b\u200dob']) {
      const answer = await socket.emitWithAck('join_chat', { nickname });
      expect(answer, JSON.stringify(nickname)).toMatchObject({
        ok: false,
        error: { code: 'nickname_invalid' },
      });
    }
  });
});

describe('text', () => {
  const running = useApp();

  it('refuses NUL and half a surrogate pair in messages, questions and options', async () => {
    const alice = await joinAs(running().url, 'alice');
    const bob = await joinAs(running().url, 'bob');
    const quiet = [expectNoEvent(bob, 'new_message'), expectNoEvent(bob, 'new_poll')];
    for (const bad of ['a\u0000b', 'half \ud83d']) {
      expect(await alice.emitWithAck('send_message', { text: bad })).toMatchObject({
        ok: false,
        error: { code: 'invalid_payload' },
      });
      expect(
        await alice.emitWithAck('create_poll', { question: bad, options: ['yes', 'no'] }),
      ).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
      expect(
        await alice.emitWithAck('create_poll', { question: 'Lunch?', options: ['yes', bad] }),
      ).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    }
    await Promise.all(quiet);
  });
});
