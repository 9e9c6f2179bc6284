// Goal: `send_whisper { to, text }` delivers a `private_message` to exactly two
// sockets: the sender (so they see what they whispered) and the recipient.
// Anyone else, even in the same room, receives nothing at all.
import { disconnectAll, expectNoEvent, nextEvent, startApp } from '@funws/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import type { PrivateMessage } from '../src/protocol.ts';
import { ACK_TIMEOUT_MS, type Client, joinAs } from './helpers.ts';

function whisperFor(socket: Client, who: string, after: Promise<unknown>) {
  return nextEvent<PrivateMessage>(socket, 'private_message', { after }).catch(() => {
    throw new Error(
      `${who} expected a private_message. In the send_whisper handler (src/app.ts), ` +
        'emit it to the sender’s socket id and the recipient’s socket id.',
    );
  });
}

describe('step 3: deliver a whisper to the sender and the recipient only', () => {
  let running: Awaited<ReturnType<typeof startApp>>;
  beforeEach(async () => {
    running = await startApp(createApp);
  });
  afterEach(async () => {
    disconnectAll();
    await running.close();
  });

  it('delivers a whisper to the recipient and the sender, and nobody else', async () => {
    const alice = await joinAs(running.url, 'alice', 'general');
    const bob = await joinAs(running.url, 'bob', 'tech');
    const carol = await joinAs(running.url, 'carol', 'general');

    const sent = alice
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck('send_whisper', { to: 'Bob', text: 'psst' });
    const carolHearsNothing = expectNoEvent(carol, 'private_message', { after: sent }).catch(
      (error: Error) => {
        throw new Error(
          `${error.message}\nCarol is in Alice's room but not in the whisper: emit to the two socket ids only, never to the room or everyone.`,
        );
      },
    );
    const bobGets = whisperFor(bob, 'Bob (the recipient)', sent);
    const aliceGets = whisperFor(alice, 'Alice (the sender)', sent);
    expect(await sent).toEqual({ ok: true });

    const expected = { type: 'whisper', text: 'psst', from: 'alice', to: 'bob' };
    expect(await bobGets).toMatchObject(expected);
    expect(await aliceGets).toMatchObject(expected);
    await carolHearsNothing;
  });
});
