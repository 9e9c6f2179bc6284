// Goal: the server never trusts a payload. A `send_message` whose text is
// empty (after trimming spaces) or longer than 500 characters gets the answer
// `{ ok: false, error: { code: 'invalid_payload', message } }`, and then the
// handler stops: nothing is broadcast.
import { connect, disconnectAll, expectNoEvent, startApp } from '@funws/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { ACK_TIMEOUT_MS, type Client, withHint } from './helpers.ts';

const where = "in src/app.ts, in the 'send_message' handler (step 4)";

describe('step 4: refuse empty or over-long text', () => {
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
      const ack = alice.timeout(ACK_TIMEOUT_MS).emitWithAck('send_message', { text });
      await withHint(
        expectNoEvent(alice, 'new_message', { after: ack }),
        `${where}: after answering with the error, return, so the message is never made.`,
      );
      expect(await ack, `${where}: expected an error answer`).toMatchObject({
        ok: false,
        error: { code: 'invalid_payload', message: expect.any(String) },
      });
    });
  }

  it('still accepts a text of exactly 500 characters', async () => {
    const alice = await connect<Client>(running.url);
    const ack = await alice.timeout(ACK_TIMEOUT_MS).emitWithAck('send_message', {
      text: 'x'.repeat(500),
    });
    expect(ack, `${where}: 500 characters is allowed`).toEqual({ ok: true });
  });
});
