// typing_start / typing_stop / typing_update: who hears it, and every way a typist
// is dropped (stop, timeout, sending, switching rooms, disconnecting, close()).
import { expectNoEvent, nextEvent } from '@funws/testkit';
import { describe, expect, it } from 'vitest';
import { type Client, connectClient, joinAs, useApp } from './helpers.ts';

type TypingUpdate = { room: string; users: string[] };

/** Waits for the typing_update that lists exactly `users`. */
function typingUpdate(socket: Client, users: string[]) {
  return nextEvent<TypingUpdate>(socket, 'typing_update', {
    where: (update: TypingUpdate) => update.users.join() === users.join(),
  });
}

describe('typing indicators', () => {
  const running = useApp({ typingTimeoutMs: 150 });

  it('tells the room except the typist, and not other rooms', async () => {
    const alice = await joinAs(running().url, 'alice', 'general');
    const bob = await joinAs(running().url, 'bob', 'general');
    const carol = await joinAs(running().url, 'carol', 'tech');
    const aliceHearsNothing = expectNoEvent(alice, 'typing_update', { withinMs: 100 });
    const carolHearsNothing = expectNoEvent(carol, 'typing_update', { withinMs: 100 });
    const bobHears = typingUpdate(bob, ['alice']);
    alice.emit('typing_start');
    expect(await bobHears).toEqual({ room: 'general', users: ['alice'] });
    await Promise.all([aliceHearsNothing, carolHearsNothing]);
  });

  it('answers an ack on typing_start and typing_stop, with or without a payload', async () => {
    const alice = await joinAs(running().url, 'alice', 'general');
    const bob = await joinAs(running().url, 'bob', 'general');
    const bobHears = typingUpdate(bob, ['alice']);
    expect(await alice.emitWithAck('typing_start')).toEqual({ ok: true });
    await bobHears;
    const bobHearsStop = typingUpdate(bob, []);
    // biome-ignore lint/suspicious/noExplicitAny: a client may send a payload nobody asked for
    expect(await (alice as any).emitWithAck('typing_stop', { ignored: true })).toEqual({
      ok: true,
    });
    await bobHearsStop;
  });

  it('answers typing before joining with not_joined', async () => {
    const stranger = await connectClient(running().url);
    for (const event of ['typing_start', 'typing_stop'] as const) {
      expect(await stranger.emitWithAck(event)).toMatchObject({
        ok: false,
        error: { code: 'not_joined' },
      });
    }
  });

  it('lists every typist in the room', async () => {
    const alice = await joinAs(running().url, 'alice', 'general');
    const bob = await joinAs(running().url, 'bob', 'general');
    const carol = await joinAs(running().url, 'carol', 'general');
    const carolHears = typingUpdate(carol, ['alice', 'bob']);
    alice.emit('typing_start');
    bob.emit('typing_start');
    await carolHears;
  });

  it('drops the typist on typing_stop', async () => {
    const alice = await joinAs(running().url, 'alice', 'general');
    const bob = await joinAs(running().url, 'bob', 'general');
    const started = typingUpdate(bob, ['alice']);
    alice.emit('typing_start');
    await started;
    const stopped = nextEvent<TypingUpdate>(bob, 'typing_update');
    alice.emit('typing_stop');
    expect(await stopped).toEqual({ room: 'general', users: [] });
  });

  it('drops the typist when they send their message', async () => {
    const alice = await joinAs(running().url, 'alice', 'general');
    const bob = await joinAs(running().url, 'bob', 'general');
    const started = typingUpdate(bob, ['alice']);
    alice.emit('typing_start');
    await started;
    const stopped = nextEvent<TypingUpdate>(bob, 'typing_update');
    await alice.emitWithAck('send_message', { text: 'done' });
    expect((await stopped).users).toEqual([]);
  });

  it('drops the typist from the old room on a switch, and tells the switcher who types in the new one', async () => {
    const alice = await joinAs(running().url, 'alice', 'general');
    const bob = await joinAs(running().url, 'bob', 'general');
    const carol = await joinAs(running().url, 'carol', 'tech');
    const carolTyping = typingUpdate(alice, ['carol']);
    carol.emit('typing_start');
    const started = typingUpdate(bob, ['alice']);
    alice.emit('typing_start');
    await started;
    const stopped = nextEvent<TypingUpdate>(bob, 'typing_update');
    // Alice hears nothing from #tech until she is in it.
    await expectNoEvent(alice, 'typing_update', { withinMs: 50 });
    await alice.emitWithAck('switch_room', { room: 'tech' });
    expect(await stopped).toEqual({ room: 'general', users: [] });
    expect(await carolTyping).toEqual({ room: 'tech', users: ['carol'] });
  });

  it('drops the typist on disconnect', async () => {
    const alice = await joinAs(running().url, 'alice', 'general');
    const bob = await joinAs(running().url, 'bob', 'general');
    const started = typingUpdate(bob, ['alice']);
    alice.emit('typing_start');
    await started;
    const stopped = nextEvent<TypingUpdate>(bob, 'typing_update');
    alice.disconnect();
    expect((await stopped).users).toEqual([]);
  });

  it('does not repeat the update while the typist keeps typing', async () => {
    const alice = await joinAs(running().url, 'alice', 'general');
    const bob = await joinAs(running().url, 'bob', 'general');
    const started = typingUpdate(bob, ['alice']);
    alice.emit('typing_start');
    await started;
    const noRepeat = expectNoEvent(bob, 'typing_update', { withinMs: 80 });
    alice.emit('typing_start');
    await noRepeat;
  });

  it('ignores typing from a socket that has not joined', async () => {
    const bob = await joinAs(running().url, 'bob', 'general');
    const lurker = await connectClient(running().url);
    const bobHearsNothing = expectNoEvent(bob, 'typing_update');
    lurker.emit('typing_start');
    await bobHearsNothing;
  });

  it('clears pending expiry timers on close()', async () => {
    const alice = await joinAs(running().url, 'alice', 'general');
    const bob = await joinAs(running().url, 'bob', 'general');
    const started = typingUpdate(bob, ['alice']);
    alice.emit('typing_start');
    await started;
    await running().app.close?.();
    // Without a timer, nothing is left to announce the expiry.
    await expectNoEvent(bob, 'typing_update', { withinMs: 400 });
  });
});
