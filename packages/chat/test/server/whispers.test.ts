import { expectNoEvent, nextEvent } from '@funws/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import type { Whisper } from '../../src/protocol/index.ts';
import {
  cleanUp,
  connectUser,
  expectOk,
  expectRefused,
  member,
  request,
  startChat,
} from './helpers.ts';

afterEach(cleanUp);

describe('whispers', () => {
  it('delivers a whisper to the recipient and the sender’s tabs, and nobody else', async () => {
    const { url } = await startChat();
    const ada = await member(url, 'ada');
    const adaTab2 = await connectUser(url, 'ada', { token: ada.session.token });
    const grace = await member(url, 'grace');
    const carol = await member(url, 'carol');

    const atGrace = nextEvent<Whisper>(grace.socket, 'whisper:new');
    const atAda = nextEvent<Whisper>(ada.socket, 'whisper:new');
    const atAdaTab2 = nextEvent<Whisper>(adaTab2.socket, 'whisper:new');
    const carolHearsNothing = expectNoEvent(carol.socket, 'whisper:new');
    const { whisper } = expectOk(
      await request(ada.socket, 'whisper:send', { to: grace.session.userId, text: ' psst ' }),
    );
    expect(whisper).toEqual({
      id: expect.any(String),
      from: { userId: ada.session.userId, nickname: 'ada' },
      to: { userId: grace.session.userId, nickname: 'grace' },
      text: 'psst',
      timestamp: expect.any(String),
    });
    expect(await atGrace).toEqual(whisper);
    expect(await atAda).toEqual(whisper);
    expect(await atAdaTab2).toEqual(whisper);
    await carolHearsNothing;
  });

  it('reaches a recipient who is in no room at all', async () => {
    const { url } = await startChat();
    const ada = await member(url, 'ada');
    const loner = await connectUser(url, 'loner');
    const received = nextEvent<Whisper>(loner.socket, 'whisper:new');
    await request(ada.socket, 'whisper:send', { to: loner.session.userId, text: 'hello?' });
    expect((await received).text).toBe('hello?');
  });

  it('refuses a whisper to an unknown or offline user, telling only the sender', async () => {
    const { url } = await startChat();
    const ada = await member(url, 'ada');
    const gone = await connectUser(url, 'gone');
    const bystander = await member(url, 'bystander');
    gone.socket.disconnect();
    const quiet = expectNoEvent(bystander.socket, 'whisper:new');
    expectRefused(
      await request(ada.socket, 'whisper:send', { to: 'no-such-user', text: 'hi' }),
      'unknown_user',
    );
    await expect
      .poll(
        async () =>
          (await request(ada.socket, 'whisper:send', { to: gone.session.userId, text: 'hi' })).ok,
      )
      .toBe(false);
    await quiet;
  });

  it('lets a user whisper to themselves, reaching each of their tabs once', async () => {
    const { url } = await startChat();
    const ada = await member(url, 'ada');
    const whispers: Whisper[] = [];
    ada.socket.on('whisper:new', (whisper) => whispers.push(whisper));
    expectOk(await request(ada.socket, 'whisper:send', { to: ada.session.userId, text: 'note' }));
    await expect.poll(() => whispers.length).toBe(1);
    await expectNoEvent(ada.socket, 'whisper:new', { withinMs: 100 });
  });
});
