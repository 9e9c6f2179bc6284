// The join and presence rows of demo 5's contract (see src/protocol.ts), and
// the flaws of the original that apply: duplicate nicknames, missing fields
// that crashed the handler, identity taken from the client.
import { connect, disconnectAll, expectNoEvent, nextEvent, startApp } from '@funws/testkit';
import type { Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import type { SystemMessage, UserListPayload } from '../src/protocol.ts';
import { type Client, isIsoTimestamp, joinAs } from './helpers.ts';

let running: Awaited<ReturnType<typeof startApp>>;
beforeEach(async () => {
  running = await startApp(createApp);
});
afterEach(async () => {
  disconnectAll();
  await running.close();
});

/** Waits until `client` has seen a user list of `count` users. */
function listOf(client: Client, count: number) {
  return nextEvent<UserListPayload>(client, 'user_list_update', {
    timeoutMs: 1000,
    where: (payload: UserListPayload) => payload.users.length === count,
  });
}

describe('join_chat', () => {
  it('answers { ok: true, user: { id, nickname, joinedAt } } and nothing more', async () => {
    const { user } = await joinAs(running.url, 'Alice');
    expect(Object.keys(user).sort()).toEqual(['id', 'joinedAt', 'nickname']);
    expect(user.nickname).toBe('Alice');
    expect(isIsoTimestamp(user.joinedAt)).toBe(true);
  });

  it('gives each user their own id', async () => {
    const alice = await joinAs(running.url, 'Alice');
    const bob = await joinAs(running.url, 'Bob');
    expect(alice.user.id).not.toBe(bob.user.id);
  });

  it('refuses a nickname that differs from a taken one only in case or spaces', async () => {
    await joinAs(running.url, 'Alice');
    const copycat = await connect<Client>(running.url);
    const result = await copycat.emitWithAck('join_chat', { nickname: ' aLiCe ' });
    expect(result).toMatchObject({ ok: false, error: { code: 'nickname_taken' } });
    if (!result.ok) expect(result.error.message).toContain('aLiCe');
  });

  it('refuses a second join from the same connection, and announces nothing', async () => {
    const alice = await joinAs(running.url, 'Alice');
    const noAnnouncement = expectNoEvent(alice.socket, 'user_joined', { withinMs: 200 });
    const again = await alice.socket.emitWithAck('join_chat', { nickname: 'Alice2' });
    await noAnnouncement;
    expect(again).toMatchObject({ ok: false, error: { code: 'already_joined' } });
    // Still known by the first nickname, and "Alice2" stays free.
    expect((await joinAs(running.url, 'Alice2')).user.nickname).toBe('Alice2');
  });

  it('does not announce a refused join', async () => {
    const alice = await joinAs(running.url, 'Alice');
    const noAnnouncement = expectNoEvent(alice.socket, 'user_joined', { withinMs: 200 });
    const copycat = await connect<Client>(running.url);
    await copycat.emitWithAck('join_chat', { nickname: 'ALICE' });
    await noAnnouncement;
  });

  it('announces a join with a system line carrying a server timestamp and the user count', async () => {
    const alice = await joinAs(running.url, 'Alice');
    const joined = nextEvent<SystemMessage>(alice.socket, 'user_joined', {
      timeoutMs: 1000,
      where: (event: SystemMessage) => event.text.includes('Bob'),
    });
    await joinAs(running.url, 'Bob');
    const event = await joined;
    expect(Object.keys(event).sort()).toEqual(['text', 'timestamp', 'type', 'userCount']);
    expect(event).toMatchObject({ type: 'system', text: 'Bob joined the chat', userCount: 2 });
    expect(isIsoTimestamp(event.timestamp)).toBe(true);
  });

  it('sends the user list with { id, nickname, joinedAt } for everyone, in joining order', async () => {
    const alice = await joinAs(running.url, 'Alice');
    const list = listOf(alice.socket, 2);
    const bob = await joinAs(running.url, 'Bob');
    expect((await list).users).toEqual([alice.user, bob.user]);
  });

  const invalid = [
    ['null', [null]],
    ['a string instead of an object', ['Alice']],
    ['an empty object', [{}]],
    ['a nickname that is not a string', [{ nickname: 42 }]],
    ['a nickname of only spaces', [{ nickname: '   ' }]],
    ['a nickname of 33 characters', [{ nickname: 'n'.repeat(33) }]],
  ] as const;
  for (const [what, args] of invalid) {
    it(`refuses ${what} with nickname_invalid`, async () => {
      const raw: Socket = await connect(running.url);
      const ack = await raw.emitWithAck('join_chat', ...args);
      expect(ack).toMatchObject({ ok: false, error: { code: 'nickname_invalid' } });
      expect(ack.error.message).toMatch(/32/);
    });
  }

  it('keeps working when a client joins without a payload or an acknowledgement', async () => {
    const raw: Socket = await connect(running.url);
    raw.emit('join_chat');
    raw.emit('join_chat', { nickname: '' });
    const listed = nextEvent<UserListPayload>(raw, 'user_list_update', { timeoutMs: 1000 });
    raw.emit('join_chat', { nickname: 'Quiet' }, 'not a function');
    expect((await listed).users.map((u) => u.nickname)).toEqual(['Quiet']);
    expect((await joinAs(running.url, 'Alice')).user.nickname).toBe('Alice');
  });
});

describe('disconnect', () => {
  it('announces a leave to those still there, with the new count and list', async () => {
    const alice = await joinAs(running.url, 'Alice');
    const bobJoined = listOf(alice.socket, 2);
    const bob = await joinAs(running.url, 'Bob');
    await bobJoined;
    const left = nextEvent<SystemMessage>(alice.socket, 'user_left', { timeoutMs: 1000 });
    const list = listOf(alice.socket, 1);
    bob.socket.disconnect();
    const event = await left;
    expect(event).toMatchObject({ type: 'system', text: 'Bob left the chat', userCount: 1 });
    expect(isIsoTimestamp(event.timestamp)).toBe(true);
    expect((await list).users).toEqual([alice.user]);
  });

  it('announces nothing when a connection that never joined goes away', async () => {
    const alice = await joinAs(running.url, 'Alice');
    const lurker = await connect<Client>(running.url);
    const nothing = expectNoEvent(alice.socket, 'user_left', { withinMs: 200 });
    lurker.disconnect();
    await nothing;
  });

  it('frees the nickname, whatever its case, once its owner has left', async () => {
    const alice = await joinAs(running.url, 'Alice');
    const bobJoined = listOf(alice.socket, 2);
    const bob = await joinAs(running.url, 'Bob');
    await bobJoined;
    const left = listOf(alice.socket, 1);
    bob.socket.disconnect();
    await left;
    expect((await joinAs(running.url, 'BOB')).user.nickname).toBe('BOB');
  });
});

describe('origin check', () => {
  it('refuses a socket opened by a page from another website', async () => {
    const foreign = connect(running.url, {
      transports: ['polling'],
      extraHeaders: { origin: 'http://evil.example' },
    });
    await expect(foreign).rejects.toThrow(/Could not connect/);
  });
});
