// Goal: `typing_start` tells the others in your room that you are typing
// (`typing_update { room, users }`), and the server forgets you by itself when no
// new `typing_start` arrives for a while, so an indicator never stays on forever.
// The tests shorten that while to 150 ms with `createApp({ typingTimeoutMs: 150 })`.
import { disconnectAll, nextEvent, startApp } from '@funws/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { joinAs } from './helpers.ts';

type TypingUpdate = { room: string; users: string[] };

describe('step 4: typing indicator with expiry', () => {
  let running: Awaited<ReturnType<typeof startApp>>;
  beforeEach(async () => {
    running = await startApp(() => createApp({ typingTimeoutMs: 150 }));
  });
  afterEach(async () => {
    disconnectAll();
    await running.close();
  });

  it('tells the room who is typing, then drops a typist who goes quiet', async () => {
    const alice = await joinAs(running.url, 'alice', 'general');
    const bob = await joinAs(running.url, 'bob', 'general');

    const started = nextEvent<TypingUpdate>(bob, 'typing_update', {
      timeoutMs: 1000,
      where: (update: TypingUpdate) => update.users.includes('alice'),
    }).catch(() => {
      throw new Error(
        'Alice sent typing_start but Bob got no typing_update listing "alice". ' +
          'In the typing_start handler (src/app.ts), record the typist and tell the rest of the room.',
      );
    });
    alice.emit('typing_start');
    expect(await started).toEqual({ room: 'general', users: ['alice'] });

    const expired = nextEvent<TypingUpdate>(bob, 'typing_update', { timeoutMs: 1000 }).catch(() => {
      throw new Error(
        'Alice went quiet after typing_start, but 1 s later Bob still had no typing_update ' +
          'without her (the timeout is 150 ms in this test). Start a timer in typing_start ' +
          'that forgets the typist.',
      );
    });
    expect(await expired, 'the server drops a quiet typist by itself').toEqual({
      room: 'general',
      users: [],
    });
  });
});
