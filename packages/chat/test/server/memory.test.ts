import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemorySessionStore, createMemoryStores } from '../../src/server/index.ts';
import { newId } from '../../src/server/new-id.ts';
import { createSerialQueue } from '../../src/server/serial-queue.ts';
import { cleanUp, connectUser, expectOk, joinRoom, request, startChat } from './helpers.ts';

// Regression tests for what the server used to keep per visitor (see the
// README's "Memory" section and `npm run bench`): each proves that something
// is let go of, or stays bounded, rather than timing anything.

afterEach(cleanUp);

// A collection on demand, as `node --expose-gc` gives, without the flag on the test runner.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Collects garbage once the current job is over (a WeakRef keeps its target until then). */
async function collect(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  gc();
}

describe('what the server lets go of', () => {
  it('does not keep the answer of a socket’s last event (a join’s snapshot can hold the whole room)', async () => {
    const queue = createSerialQueue();
    let answer: WeakRef<object> | undefined;
    await queue.run(async () => {
      const snapshot = { members: Array.from({ length: 1000 }, (_, i) => ({ userId: `u${i}` })) };
      answer = new WeakRef(snapshot);
      return snapshot;
    });
    await collect();
    expect(answer?.deref()).toBeUndefined();
    // The queue still works, in order, after letting go.
    const order: number[] = [];
    await Promise.all([1, 2, 3].map((n) => queue.run(async () => order.push(n))));
    expect(order).toEqual([1, 2, 3]);
  });

  it('forgets a visitor who left: no member, no online user, no nickname held', async () => {
    const stores = createMemoryStores();
    const { url, chat } = await startChat({ stores });
    const visitors: string[] = [];
    for (let n = 0; n < 20; n++) {
      const visitor = await connectUser(url, `visitor-${n}`);
      await joinRoom(visitor);
      expectOk(await request(visitor.socket, 'message:send', { room: 'general', text: 'hi' }));
      visitors.push(visitor.session.userId);
      const gone = new Promise((resolve) => visitor.socket.once('disconnect', resolve));
      visitor.socket.disconnect();
      await gone;
    }
    await expect.poll(async () => (await chat.rooms())[0]?.members).toBe(0);
    for (const userId of visitors) expect(await stores.online.get(userId)).toBeUndefined();
    expect(await stores.presence.members('general')).toEqual([]);
    // Every nickname is free again.
    expect((await connectUser(url, 'visitor-0')).session.nickname).toBe('visitor-0');
  });
});

describe('what the server keeps, small', () => {
  it('makes ids that cost what their 36 characters cost, not the tree of pieces randomUUID() builds', async () => {
    const heap = async () => {
      await collect();
      return process.memoryUsage().heapUsed;
    };
    const before = await heap();
    const ids = Array.from({ length: 10_000 }, () => newId());
    const perId = ((await heap()) - before) / ids.length;
    // A flat 36-character string is about 56 bytes, plus 8 for its slot in the array;
    // randomUUID()'s own string is about 620.
    expect(perId).toBeLessThan(200);
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('what the server keeps, bounded', () => {
  it('remembers at most maxSessions sessions, forgetting the least recently used first', async () => {
    const sessions = createMemorySessionStore({ maxSessions: 3 });
    for (const n of [1, 2, 3])
      await sessions.set(`hash-${n}`, { userId: `u${n}`, nickname: `n${n}` });
    // A returning token is a use: it moves to the back of the line.
    expect(await sessions.get('hash-1')).toEqual({ userId: 'u1', nickname: 'n1' });
    await sessions.set('hash-4', { userId: 'u4', nickname: 'n4' });
    expect(await sessions.get('hash-2')).toBeUndefined();
    expect(await sessions.get('hash-1')).toEqual({ userId: 'u1', nickname: 'n1' });
    expect(await sessions.get('hash-4')).toEqual({ userId: 'u4', nickname: 'n4' });
  });
});
