import { expectNoEvent } from '@funws/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { type ClientEventName, clientPayloadSchemas } from '../../src/protocol/index.ts';
import { cleanUp, expectOk, member, rawRequest, request, startChat } from './helpers.ts';

afterEach(cleanUp);

const events = Object.keys(clientPayloadSchemas) as ClientEventName[];
const rateLimit = { burst: 20, perSecond: 20 };

describe('rate limit', () => {
  it('refuses a flood with rate_limited, tells nobody else, and recovers once the bucket refills', async () => {
    const { url } = await startChat({ limits: { rateLimit } });
    const flooder = await member(url, 'flooder');
    const bystander = await member(url, 'bystander');
    const heardBefore = bystander.received.length;

    // 300 events, every kind, half of them also malformed or polluting.
    const results = (await Promise.all(
      Array.from({ length: 300 }, (_, i) => {
        const event = events[i % events.length] as ClientEventName;
        const payload =
          i % 2
            ? JSON.parse('{"__proto__":{"polluted":1},"room":"general"}')
            : { room: 'general', text: `spam ${i}` };
        return rawRequest(flooder.socket, event, payload);
      }),
    )) as { ok: boolean; error?: { code: string } }[];
    const codes = results.map((result) => (result.ok ? 'ok' : result.error?.code));
    const limited = codes.filter((code) => code === 'rate_limited').length;
    expect(limited).toBeGreaterThanOrEqual(300 - rateLimit.burst - 20);
    expect(codes.filter((code) => code !== 'rate_limited').length).toBeLessThanOrEqual(
      rateLimit.burst + 20,
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    // Only the spam that got through (message:send is the one event its payloads fit) reached others.
    await expectNoEvent(bystander.socket, 'chat:error', { withinMs: 50 });
    const heard = bystander.received.slice(heardBefore);
    expect(new Set(heard)).toEqual(new Set(heard.length ? ['message:new'] : []));
    expect(heard.length).toBe(codes.filter((code) => code === 'ok').length);

    // Normal service again once the bucket has refilled a little.
    await expect
      .poll(
        async () =>
          (await request(flooder.socket, 'message:send', { room: 'general', text: 'sorry' })).ok,
        { interval: 100, timeout: 3000 },
      )
      .toBe(true);
  });

  it('reports rate limiting through chat:error when the flood has no acks', async () => {
    const { url } = await startChat({ limits: { rateLimit } });
    const flooder = await member(url, 'flooder');
    const errors: unknown[] = [];
    flooder.socket.on('chat:error', (error) => errors.push(error));
    for (let i = 0; i < 100; i++) flooder.socket.emit('typing:start', { room: 'general' });
    await expect.poll(() => errors.length).toBeGreaterThanOrEqual(100 - rateLimit.burst - 10);
    expect(errors[0]).toEqual({
      event: 'typing:start',
      error: { code: 'rate_limited', message: expect.stringContaining('per second') },
    });
  });

  it('limits each socket on its own', async () => {
    const { url } = await startChat({ limits: { rateLimit } });
    const flooder = await member(url, 'flooder');
    const calm = await member(url, 'calm');
    await Promise.all(Array.from({ length: 60 }, () => request(flooder.socket, 'room:list', {})));
    expectOk(await request(calm.socket, 'room:list', {}));
  });
});
