// Goal: `typing_start` tells the others in your room that you are typing
// (`typing_update { room, users }`; not you, not the other rooms), and the
// server forgets you by itself when no new `typing_start` arrives for a while,
// so an indicator never stays on forever. The tests shorten that while to
// 150 ms with `createApp({ typingTimeoutMs: 150 })`.
import { disconnectAll, expectNoEvent, nextEvent, roundTrip, startApp } from '@funws/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { joinAs } from './helpers.ts';

type TypingUpdate = { room: string; users: string[] };

/**
 * How long the test waits for the server to drop a quiet typist by itself. The
 * server's own timer decides when, so no round trip can say "never" sooner:
 * 150 ms in these tests, and a generous margin for a busy machine.
 */
const EXPIRY_WAIT_MS = 1500;

describe('step 4: typing indicator with expiry', () => {
  let running: Awaited<ReturnType<typeof startApp>>;
  beforeEach(async () => {
    running = await startApp(() => createApp({ typingTimeoutMs: 150 }));
  });
  afterEach(async () => {
    disconnectAll();
    await running.close();
  });

  it('tells the rest of the room who is typing, then drops a typist who goes quiet', async () => {
    const alice = await joinAs(running.url, 'alice', 'general');
    const bob = await joinAs(running.url, 'bob', 'general');

    alice.emit('typing_start');
    const handled = roundTrip(alice);
    const started = await nextEvent<TypingUpdate>(bob, 'typing_update', {
      after: handled,
      where: (update: TypingUpdate) => update.users.includes('alice'),
    }).catch(() => {
      throw new Error(
        'Alice sent typing_start but Bob got no typing_update listing "alice". ' +
          'In the typing_start handler (src/app.ts), record the typist and tell the rest of the room.',
      );
    });
    expect(started).toEqual({ room: 'general', users: ['alice'] });

    const expired = await nextEvent<TypingUpdate>(bob, 'typing_update', {
      timeoutMs: EXPIRY_WAIT_MS,
    }).catch(() => {
      throw new Error(
        `Alice went quiet after typing_start, but ${EXPIRY_WAIT_MS} ms later Bob still had no typing_update ` +
          'without her (the timeout is 150 ms in this test). Start a timer in typing_start ' +
          'that forgets the typist.',
      );
    });
    expect(expired, 'the server drops a quiet typist by itself').toEqual({
      room: 'general',
      users: [],
    });
  });

  it('tells neither the typist nor the other rooms', async () => {
    const alice = await joinAs(running.url, 'alice', 'general');
    const bob = await joinAs(running.url, 'bob', 'general');
    const carol = await joinAs(running.url, 'carol', 'tech');

    alice.emit('typing_start');
    const handled = roundTrip(alice);
    const why =
      'socket.to(room).emit reaches the others in the room: not the typist, who knows, nor the other rooms.';
    const aliceHearsNothing = expectNoEvent(alice, 'typing_update', { after: handled }).catch(
      (error: Error) => {
        throw new Error(`Alice heard her own typing: ${error.message}\n${why}`);
      },
    );
    const carolHearsNothing = expectNoEvent(carol, 'typing_update', { after: handled }).catch(
      (error: Error) => {
        throw new Error(`Carol, in #tech, heard typing in #general: ${error.message}\n${why}`);
      },
    );
    await nextEvent(bob, 'typing_update', { after: handled }).catch(() => {
      throw new Error(
        'Alice sent typing_start but Bob, in her room, got no typing_update (step 4).',
      );
    });
    await aliceHearsNothing;
    await carolHearsNothing;
  });
});
