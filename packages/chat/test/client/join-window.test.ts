import { createServer } from 'node:http';
import { ChatClient } from '@funws/chat/client';
import type { ChatIo } from '@funws/chat/server';
import { listen } from '@funws/testkit';
import { Server } from 'socket.io';
import { afterEach, describe, expect, it } from 'vitest';

// In a cluster, a `presence:diff` from another node travels through Redis
// while the join's answer does not, so it can arrive first: somebody joined
// just after the answer's member list was read. A plain socket.io server
// plays that order here, exactly, which the chat server on one process never
// does; the client must end with the member either way.

const ada = { userId: 'u-ada', nickname: 'ada', joinedAt: '2026-01-01T00:00:00.000Z' };
const bob = { userId: 'u-bob', nickname: 'bob', joinedAt: '2026-01-01T00:00:01.000Z' };
const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A server that answers `room:join` with a member list of [ada], after sending `diff` first. */
async function overtakingServer(diff: { joined: (typeof bob)[]; left: string[] }) {
  const httpServer = createServer();
  const io: ChatIo = new Server(httpServer);
  io.on('connection', (socket) => {
    socket.emit('session', { userId: ada.userId, nickname: ada.nickname, token: 't'.repeat(43) });
    socket.on('room:join', ({ room }, ack) => {
      socket.emit('presence:diff', { room, ...diff });
      ack?.({
        ok: true,
        snapshot: {
          room,
          members: [ada],
          messages: [],
          typing: [],
          polls: [],
          myVotes: {},
          canvas: [],
        },
      });
    });
  });
  const listening = await listen(httpServer);
  cleanups.push(async () => {
    await io.close();
    await listening.close();
  });
  const client = new ChatClient({
    url: listening.url,
    nickname: 'ada',
    storage: null,
    socketOptions: { transports: ['websocket'] },
  });
  cleanups.push(() => client.close());
  await client.connect();
  return client;
}

describe('a presence diff that overtakes the join’s answer', () => {
  it('keeps a member who joined just after the answer’s list was read', async () => {
    const client = await overtakingServer({ joined: [bob], left: [] });
    await client.join('general');
    expect(client.state.rooms.general?.members).toEqual([ada, bob]);
  });

  it('drops a member who left just after the answer’s list was read', async () => {
    const client = await overtakingServer({ joined: [], left: [ada.userId] });
    await client.join('general');
    expect(client.state.rooms.general?.members).toEqual([]);
  });
});
