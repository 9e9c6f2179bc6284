import { afterEach, describe, expect, it } from 'vitest';
import {
  cleanUp,
  connectionRefusal,
  connectUser,
  joinRoom,
  request,
  startChat,
} from './helpers.ts';

afterEach(cleanUp);

describe('nicknames people can trust', () => {
  it.each([
    ['a Cyrillic look-alike', 'b\u043eb'],
    ['a zero digit for an o', 'b0b'],
    ['capitals', 'BOB'],
  ])('counts %s of a connected nickname as taken', async (_what, lookAlike) => {
    const { url } = await startChat();
    await connectUser(url, 'bob');
    const refusal = await connectionRefusal(url, { auth: { nickname: lookAlike } });
    expect(refusal.code).toBe('nickname_taken');
  });

  it.each([
    ['a zero-width space', 'bob\u200b'],
    ['a right-to-left override', '\u202ebob'],
    ['a zero-width joiner', 'b\u200dob'],
    ['NUL', 'b\u0000ob'],
  ])('refuses a nickname holding %s with nickname_invalid', async (_what, nickname) => {
    const { url } = await startChat();
    const refusal = await connectionRefusal(url, { auth: { nickname } });
    expect(refusal.code).toBe('nickname_invalid');
    expect(refusal.message).toMatch(/U\+[0-9A-F]{4}/);
  });

  it('keeps a nickname in its NFKC form', async () => {
    const { url } = await startChat();
    expect((await connectUser(url, 'ＡＤＡ')).session.nickname).toBe('ADA');
  });
});

describe('message text', () => {
  it('refuses NUL and unpaired surrogates, and keeps an override as the text it is', async () => {
    const { url } = await startChat();
    const ada = await connectUser(url, 'ada');
    await joinRoom(ada, 'general');
    for (const text of ['a\u0000b', 'half \ud83d']) {
      const answer = await request(ada.socket, 'message:send', { room: 'general', text });
      expect(answer.ok, JSON.stringify(text)).toBe(false);
      if (!answer.ok) expect(answer.error.code).toBe('invalid_payload');
    }
    const kept = await request(ada.socket, 'message:send', {
      room: 'general',
      text: '\u202egnp.exe',
    });
    expect(kept).toMatchObject({ ok: true, message: { text: '\u202egnp.exe' } });
  });
});
