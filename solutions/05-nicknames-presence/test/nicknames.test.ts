// Nicknames people can trust: characters that hide or disguise a name are
// refused (the check before step 1), and text nobody can read is refused too.
import { connect, disconnectAll, expectNoEvent, type RunningApp, startApp } from '@funws/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { type Client, joinAs } from './helpers.ts';

let running: RunningApp<ReturnType<typeof createApp>>;
beforeEach(async () => {
  running = await startApp(createApp);
});
afterEach(async () => {
  disconnectAll();
  await running.close();
});

describe('nicknames', () => {
  it.each([
    ['a zero-width space', 'bob\u200b'],
    ['a right-to-left override', '\u202ebob'],
    ['a zero-width joiner', 'b\u200dob'],
    ['NUL', 'b\u0000ob'],
  ])('refuses a nickname holding %s, naming the character', async (_what, nickname) => {
    const socket = await connect<Client>(running.url);
    const answer = await socket.emitWithAck('join_chat', { nickname });
    expect(answer).toMatchObject({ ok: false, error: { code: 'nickname_invalid' } });
    if (!answer.ok) expect(answer.error.message).toMatch(/U\+[0-9A-F]{4}/);
  });

  it('keeps a nickname in its NFKC form', async () => {
    const socket = await connect<Client>(running.url);
    const answer = await socket.emitWithAck('join_chat', { nickname: 'ＡＤＡ' });
    expect(answer).toMatchObject({ ok: true, user: { nickname: 'ADA' } });
  });
});

describe('message text', () => {
  it('refuses NUL and half a surrogate pair, and broadcasts nothing', async () => {
    const alice = await joinAs(running.url, 'alice');
    const bob = await joinAs(running.url, 'bob');
    const bobHearsNothing = expectNoEvent(bob.socket, 'new_message');
    for (const text of ['a\u0000b', 'half \ud83d']) {
      const answer = await alice.socket.emitWithAck('send_message', { text });
      expect(answer, JSON.stringify(text)).toMatchObject({
        ok: false,
        error: { code: 'invalid_payload' },
      });
    }
    await bobHearsNothing;
  });
});
