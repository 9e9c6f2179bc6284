// send_whisper / private_message: who receives a whisper, and who learns about a failed one.
import { expectNoEvent, nextEvent } from '@funws/testkit';
import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_LENGTH, type PrivateMessage } from '../src/protocol.ts';
import { connectClient, joinAs, useApp } from './helpers.ts';

describe('send_whisper', () => {
  const running = useApp();

  it('reaches a recipient in another room, found case-insensitively', async () => {
    const alice = await joinAs(running().url, 'alice', 'general');
    const bob = await joinAs(running().url, 'Bob', 'random');
    const bobGets = nextEvent<PrivateMessage>(bob, 'private_message');
    await alice.emitWithAck('send_whisper', { to: ' BOB ', text: ' hi there ' });
    const whisper = await bobGets;
    expect(whisper).toMatchObject({ type: 'whisper', text: 'hi there', from: 'alice', to: 'Bob' });
    expect(Date.parse(whisper.timestamp)).not.toBeNaN();
  });

  it('answers an unknown recipient with unknown_user, to the sender only', async () => {
    const alice = await joinAs(running().url, 'alice', 'general');
    const bob = await joinAs(running().url, 'bob', 'general');
    const bobHearsNothing = expectNoEvent(bob, 'private_message');
    const aliceHearsNothing = expectNoEvent(alice, 'private_message');
    const ack = await alice.emitWithAck('send_whisper', { to: 'nobody', text: 'hello?' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'unknown_user' } });
    await Promise.all([bobHearsNothing, aliceHearsNothing]);
  });

  it('uses the server’s nickname for the sender, whatever the payload says', async () => {
    const alice = await joinAs(running().url, 'alice', 'general');
    const bob = await joinAs(running().url, 'bob', 'general');
    const bobGets = nextEvent<PrivateMessage>(bob, 'private_message');
    await alice.emitWithAck('send_whisper', { to: 'bob', text: 'it is me', from: 'carol' } as {
      to: string;
      text: string;
    });
    expect((await bobGets).from).toBe('alice');
  });

  it('delivers a whisper to yourself once', async () => {
    const alice = await joinAs(running().url, 'alice', 'general');
    const first = nextEvent<PrivateMessage>(alice, 'private_message');
    await alice.emitWithAck('send_whisper', { to: 'alice', text: 'note to self' });
    await first;
    await expectNoEvent(alice, 'private_message', { withinMs: 200 });
  });

  it('refuses empty and over-long whispers, and whispers before joining', async () => {
    const alice = await joinAs(running().url, 'alice', 'general');
    await joinAs(running().url, 'bob', 'general');
    for (const text of ['   ', 'x'.repeat(MAX_MESSAGE_LENGTH + 1)]) {
      const ack = await alice.emitWithAck('send_whisper', { to: 'bob', text });
      expect(ack).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    }
    const stranger = await connectClient(running().url);
    const ack = await stranger.emitWithAck('send_whisper', { to: 'bob', text: 'hi' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'not_joined' } });
  });
});
