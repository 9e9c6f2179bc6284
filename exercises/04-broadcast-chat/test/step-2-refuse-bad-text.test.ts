// Goal: the server never trusts a payload. A `send_message` whose text is
// empty (after trimming spaces) or longer than 500 characters gets the answer
// `{ ok: false, error: { code: 'invalid_payload', message } }`, and nothing is
// broadcast.
import { connect, disconnectAll, expectNoEvent, startApp } from '@funws/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { type Client, withHint } from './helpers.ts';

const where = "in src/app.ts, in the 'send_message' handler (step 2)";

describe('step 2: refuse empty or over-long text', () => {
  let running: Awaited<ReturnType<typeof startApp>>;
  beforeEach(async () => {
    running = await startApp(createApp);
  });
  afterEach(async () => {
    disconnectAll();
    await running.close();
  });

  for (const [what, text] of [
    ['an empty text', ''],
    ['a text of only spaces', '   '],
    ['a text of 501 characters', 'x'.repeat(501)],
  ] as const) {
    it(`answers ${what} with an invalid_payload error and broadcasts nothing`, async () => {
      const alice = await connect<Client>(running.url);
      const nothingBroadcast = expectNoEvent(alice, 'new_message', { withinMs: 200 });
      const ack = await alice.emitWithAck('send_message', { text });
      await withHint(
        nothingBroadcast,
        `${where}: answer with an error and return before the message is made.`,
      );
      expect(ack, `${where}: expected an error answer, got ${JSON.stringify(ack)}`).toMatchObject({
        ok: false,
        error: { code: 'invalid_payload' },
      });
    });
  }

  it('still accepts a text of exactly 500 characters', async () => {
    const alice = await connect<Client>(running.url);
    const ack = await alice.emitWithAck('send_message', { text: 'x'.repeat(500) });
    expect(ack, `${where}: 500 characters is allowed`).toEqual({ ok: true });
  });
});
