// A flood from one connection is refused through its acknowledgements, and
// only the events within the limit reach everybody else.
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
  it('answers a flood of messages with rate_limited and broadcasts only the ones within the limit', async () => {
    const [flooder, bystander] = [
      await connect<Client>(running.url),
      await connect<Client>(running.url),
    ];
    let heard = 0;
    bystander.on('new_message', () => heard++);
    const answers = await Promise.all(
      Array.from({ length: 150 }, (_, n) =>
        flooder.emitWithAck('send_message', { text: `spam ${n}` }),
      ),
    );
    const refused = answers.filter((answer) => !answer.ok && answer.error.code === 'rate_limited');
    expect(refused.length).toBeGreaterThan(0);
    // One more message, answered: the server is still up and everything before it has arrived.
    await bystander.emitWithAck('send_message', { text: 'still here' });
    expect(heard).toBe(150 - refused.length + 1);
  });
});
