import { createServer } from 'node:http';
import { ChatError } from '@funws/chat/protocol';
import { connect, expectNoEvent, listen } from '@funws/testkit';
import { Server } from 'socket.io';
import { io as io_ } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { type ChatIo, createChatServer } from '../../src/server/index.ts';
import {
  cleanUp,
  connectionRefusal,
  connectUser,
  joinRoom,
  member,
  request,
  startChat,
} from './helpers.ts';

afterEach(cleanUp);

describe('identity', () => {
  it('tells each connection its server-assigned user id, nickname and a strong token', async () => {
    const { url } = await startChat();
    const { session } = await connectUser(url, '  Ada  ');
    expect(session.nickname).toBe('Ada');
    expect(session.userId).toMatch(/^[0-9a-f-]{36}$/);
    // 32 random bytes in base64url: 256 bits.
    expect(session.token).toMatch(/^[\w-]{43}$/);
    const other = await connectUser(url, 'Grace');
    expect(other.session.userId).not.toBe(session.userId);
    expect(other.session.token).not.toBe(session.token);
  });

  it('sends the session on connection, and room counts only when asked', async () => {
    const { url } = await startChat({ rooms: ['general', 'random'] });
    const ada = await connectUser(url, 'ada');
    expect(await request(ada.socket, 'room:list', {})).toEqual({
      ok: true,
      rooms: [
        { name: 'general', members: 0 },
        { name: 'random', members: 0 },
      ],
    });
    // The list's answer came after anything sent before it: the session, and nothing else.
    expect(ada.received).toEqual(['session']);
  });

  it('refuses a nickname in use by another user, whatever its case', async () => {
    const { url } = await startChat();
    await connectUser(url, 'Ada');
    const refusal = await connectionRefusal(url, { auth: { nickname: 'aDA' } });
    expect(refusal.code).toBe('nickname_taken');
    expect(refusal.message).toContain('aDA');
  });

  it('refuses look-alike compatibility characters of a nickname in use', async () => {
    const { url } = await startChat();
    await connectUser(url, 'bob');
    expect((await connectionRefusal(url, { auth: { nickname: 'ＢＯＢ' } })).code).toBe(
      'nickname_taken',
    );
  });

  it('treats a second tab with the same token as the same user and one member', async () => {
    const { url } = await startChat();
    const observer = await member(url, 'observer');
    const tab1 = await connectUser(url, 'ada');
    await joinRoom(tab1);
    const noDiff = expectNoEvent(observer.socket, 'presence:diff');
    const tab2 = await connectUser(url, 'ADA', { token: tab1.session.token });
    expect(tab2.session.userId).toBe(tab1.session.userId);
    // The user keeps the nickname they hold while connected.
    expect(tab2.session.nickname).toBe('ada');
    const snapshot = await joinRoom(tab2);
    await noDiff;
    expect(snapshot.members.map((m) => m.nickname)).toEqual(['observer', 'ada']);
  });

  it('frees a nickname when its user’s last socket disconnects', async () => {
    const { url } = await startChat();
    const tab1 = await connectUser(url, 'ada');
    const tab2 = await connectUser(url, 'ada', { token: tab1.session.token });
    tab1.socket.disconnect();
    expect((await connectionRefusal(url, { auth: { nickname: 'ada' } })).code).toBe(
      'nickname_taken',
    );
    tab2.socket.disconnect();
    await expect.poll(async () => (await tryConnect(url, 'ada')) === 'ok').toBe(true);
  });

  it('gives a returning user the same id, and a forgotten token a fresh identity', async () => {
    const { url } = await startChat();
    const first = await connectUser(url, 'ada');
    first.socket.disconnect();
    const again = await reconnect(url, 'ada-again', first.session.token);
    expect(again.session.userId).toBe(first.session.userId);
    expect(again.session.nickname).toBe('ada-again');
    const stranger = await connectUser(url, 'eve', { token: 'not-a-token-this-server-issued' });
    expect(stranger.session.userId).not.toBe(first.session.userId);
    expect(stranger.session.token).not.toBe('not-a-token-this-server-issued');
  });

  it('refuses an invalid nickname with nickname_invalid', async () => {
    const { url } = await startChat();
    for (const nickname of ['', '   ', 'x'.repeat(33), 'bad\nname', 42]) {
      const refusal = await connectionRefusal(url, { auth: { nickname } });
      expect(refusal.code, JSON.stringify(nickname)).toBe('nickname_invalid');
    }
    expect((await connectionRefusal(url, { auth: {} })).code).toBe('nickname_invalid');
  });

  it('refuses a malformed handshake with invalid_payload', async () => {
    const { url } = await startChat();
    for (const auth of [
      { nickname: 'ada', token: 42 },
      { nickname: 'ada', admin: true },
      { nickname: 'ada', pid: 'x'.repeat(65) },
    ]) {
      const refusal = await connectionRefusal(url, { auth });
      expect(refusal.code, JSON.stringify(auth)).toBe('invalid_payload');
    }
  });

  it('accepts the keys socket.io adds to recover a session (pid, offset) when it cannot recover it', async () => {
    const { url } = await startChat();
    // What a client offers after the server restarted: a session this server never had.
    const ada = await connectUser(url, 'ada', { pid: 'gW1Yc5iDUVlDhgX2AAAB', offset: 'OBt2xg' });
    expect(ada.session.nickname).toBe('ada');
    expect(ada.socket.recovered).toBe(false);
  });

  it('lets authenticate choose the user id and nickname', async () => {
    const { url } = await startChat({
      authenticate: (handshake) => {
        const auth = handshake.auth as { ticket?: string };
        return { userId: `account-${auth.ticket}`, nickname: `Member ${auth.ticket}` };
      },
    });
    const user = await connectUser(url, 'ignored', { ticket: '7' });
    expect(user.session).toMatchObject({ userId: 'account-7', nickname: 'Member 7' });
  });

  it('keeps the code of a ChatError thrown by authenticate and hides other errors', async () => {
    const { url } = await startChat({
      authenticate: (handshake) => {
        const { nickname } = handshake.auth as { nickname: string };
        if (nickname === 'banned') throw new ChatError('rejected', 'You are banned.');
        if (nickname === 'broken') throw new Error('database password is hunter2');
      },
    });
    expect(await connectionRefusal(url, { auth: { nickname: 'banned' } })).toEqual({
      code: 'rejected',
      message: 'You are banned.',
    });
    const hidden = await connectionRefusal(url, { auth: { nickname: 'broken' } });
    expect(hidden.code).toBe('unauthorized');
    expect(hidden.message).not.toContain('hunter2');
    expect((await connectUser(url, 'welcome')).session.nickname).toBe('welcome');
  });

  it('refuses browsers from another origin unless that origin is allowed', async () => {
    const { url } = await startChat();
    const foreign = { extraHeaders: { origin: 'http://evil.example' }, auth: { nickname: 'eve' } };
    await expect(connect(url, foreign)).rejects.toThrow(/Could not connect/);
    const sameOrigin = await connect(url, {
      extraHeaders: { origin: url },
      auth: { nickname: 'ada' },
    });
    expect(sameOrigin.connected).toBe(true);

    const opened = await startChat({ allowedOrigins: ['http://localhost:4321'] });
    const listed = await connect(opened.url, {
      extraHeaders: { origin: 'http://localhost:4321' },
      auth: { nickname: 'ada' },
    });
    expect(listed.connected).toBe(true);
  });

  it('gives every tab of a user the session event on connection', async () => {
    const { url } = await startChat();
    const tab1 = await connectUser(url, 'ada');
    const tab2 = await connectUser(url, 'ada', { token: tab1.session.token });
    expect(tab2.session).toEqual(tab1.session);
    // Nobody else hears about it.
    const quiet = expectNoEvent(tab1.socket, 'session');
    await connectUser(url, 'grace');
    await quiet;
  });
});

describe('with an existing socket.io server', () => {
  it('uses it as it is, frees claims that a later middleware refused, and leaves it open on close', async () => {
    const httpServer = createServer();
    const io: ChatIo = new Server(httpServer);
    const chat = createChatServer(io);
    io.use((socket, next) =>
      next(
        socket.data.nickname === 'blocked' ? new Error('a later middleware says no') : undefined,
      ),
    );
    const { url, close } = await listen(httpServer);
    try {
      const blocked = io_(url, {
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
        auth: { nickname: 'blocked' },
      });
      await new Promise((resolve) => blocked.once('connect_error', resolve));
      blocked.disconnect();
      // The refused socket's claim on the nickname is gone once its connection closes.
      await expect.poll(() => tryConnect(url, 'BLOCKED')).toBe('ok');

      const ada = await member(url, 'ada');
      await chat.close();
      await expect.poll(() => ada.socket.connected).toBe(false);
      await expect.poll(() => io.engine.clientsCount).toBe(0);
      // The caller's server is still theirs, and still listening.
      expect(httpServer.listening).toBe(true);
    } finally {
      io.close();
      await close();
    }
  });
});

async function tryConnect(url: string, nickname: string): Promise<'ok' | string> {
  try {
    const user = await connectUser(url, nickname);
    user.socket.disconnect();
    return 'ok';
  } catch (error) {
    return String(error);
  }
}

// A nickname is freed by the server's disconnect handling, which runs after the client has gone.
async function reconnect(url: string, nickname: string, token: string) {
  await expect.poll(() => tryConnect(url, 'probe-name')).toBe('ok');
  return connectUser(url, nickname, { token });
}
