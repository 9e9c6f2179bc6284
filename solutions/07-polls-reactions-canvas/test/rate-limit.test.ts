// A flood from one connection is refused through its acknowledgements
// before any handler runs, and the server keeps answering.
import { connect, disconnectAll, startApp } from '@funws/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import type { Client } from './helpers.ts';

let running: Awaited<ReturnType<typeof startApp>>;
beforeEach(async () => {
  running = await startApp(createApp);
});
afterEach(async () => {
  disconnectAll();
  await running.close();
});

describe('rate limit', () => {
  it('answers a flood of events with rate_limited, and other connections are still served', async () => {
    const flooder = await connect<Client>(running.url);
    // Not joined: each event within the limit gets `not_joined`; past it, `rate_limited`.
    const answers = await Promise.all(
      Array.from({ length: 150 }, (_, n) =>
        flooder.emitWithAck('send_message', { text: `spam ${n}` }),
      ),
    );
    const codes = answers.map((answer) => (answer.ok ? 'ok' : answer.error.code));
    expect(codes.filter((code) => code === 'not_joined').length).toBeGreaterThanOrEqual(100);
    expect(codes).toContain('rate_limited');
    const other = await connect<Client>(running.url);
    const answer = await other.emitWithAck('send_message', { text: 'hello?' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'not_joined' } });
  });
});
