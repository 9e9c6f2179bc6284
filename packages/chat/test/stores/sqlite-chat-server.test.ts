import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listen } from '@funws/testkit';
import { Server } from 'socket.io';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ChatIo, createChatServer } from '../../src/server/index.ts';
import {
  createSqliteStores,
  isSqliteStoreError,
  type SqliteStores,
} from '../../src/sqlite/index.ts';
import {
  cleanUp,
  connectUser,
  expectOk,
  expectRefused,
  joinRoom,
  request,
  startChat,
} from '../server/helpers.ts';

// The chat server on the SQLite stores, in this process: what a restart keeps,
// and what a failing database does to requests (an `internal` answer, no crash).

let folder = '';
const opened: SqliteStores[] = [];

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'funws-sqlite-chat-'));
});

afterEach(async () => {
  await cleanUp();
  await Promise.all(opened.splice(0).map((stores) => stores.close()));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

function sqliteStores(file: string): SqliteStores {
  const stores = createSqliteStores(file);
  opened.push(stores);
  return stores;
}

describe('a chat server on the SQLite stores', () => {
  it('comes back from a restart with the history and the polls, and knows the returning user', async () => {
    const file = join(folder, 'restart.sqlite');
    const firstStores = sqliteStores(file);
    const first = await startChat({ rooms: ['general'], stores: firstStores });
    const ada = await connectUser(first.url, 'ada');
    await joinRoom(ada);
    const sent = [];
    for (const text of ['first', 'second']) {
      sent.push(
        expectOk(await request(ada.socket, 'message:send', { room: 'general', text })).message,
      );
    }
    const { poll } = expectOk(
      await request(ada.socket, 'poll:create', {
        room: 'general',
        question: 'Tea or coffee?',
        options: ['tea', 'coffee'],
      }),
    );
    const coffee = poll.options[1]!.id;
    expectOk(await request(ada.socket, 'poll:vote', { pollId: poll.id, optionId: coffee }));
    await first.chat.close();
    await firstStores.close();

    const second = await startChat({ rooms: ['general'], stores: sqliteStores(file) });
    const again = await connectUser(second.url, 'ada', { token: ada.session.token });
    expect(again.session.userId).toBe(ada.session.userId);
    const snapshot = await joinRoom(again);
    expect(snapshot.messages).toEqual(sent);
    expect(
      snapshot.polls.map(({ question, options }) => [question, options.map((o) => o.votes)]),
    ).toEqual([['Tea or coffee?', [0, 1]]]);
    expect(snapshot.myVotes).toEqual({ [poll.id]: coffee });
    expect(snapshot.members.map((member) => member.nickname)).toEqual(['ada']);
  });

  it('finishes every socket’s clean-up before close() resolves, so its stores can be closed next', async () => {
    // Given a socket.io server of its own, close() disconnects the sockets and leaves the server
    // open: nothing else there waits for the sockets' clean-up, which still uses the stores.
    const file = join(folder, 'close.sqlite');
    const stores = sqliteStores(file);
    const logged: unknown[] = [];
    const httpServer = createServer();
    const io: ChatIo = new Server(httpServer);
    const chat = createChatServer(io, {
      rooms: ['general'],
      allowRoomCreation: true,
      stores,
      logger: { error: (_message, error) => logged.push(error) },
    });
    const listening = await listen(httpServer);
    try {
      const ada = await connectUser(listening.url, 'ada');
      await joinRoom(ada, 'lounge');
      expectOk(await request(ada.socket, 'message:send', { room: 'lounge', text: 'bye' }));
      await chat.close();
      await stores.close();
    } finally {
      await io.close();
      await listening.close();
    }
    // The last member's clean-up removed the room she created, with its history, before the file closed.
    const reopened = sqliteStores(file);
    expect(await reopened.rooms.list()).toEqual(['general']);
    expect(await reopened.history.recent('lounge', 10)).toEqual([]);
    expect(logged).toEqual([]);
  });

  it('answers internal, and keeps answering, when the database fails under it', async () => {
    const stores = sqliteStores(join(folder, 'fails.sqlite'));
    const logged: unknown[] = [];
    const { url } = await startChat({
      rooms: ['general'],
      stores,
      logger: { error: (_message, error) => logged.push(error) },
    });
    const ada = await connectUser(url, 'ada');
    await joinRoom(ada);
    await stores.close();
    for (const text of ['lost', 'lost too']) {
      expectRefused(
        await request(ada.socket, 'message:send', { room: 'general', text }),
        'internal',
      );
    }
    expect(logged.length).toBeGreaterThanOrEqual(2);
    expect(logged.every((error) => isSqliteStoreError(error) && error.code === 'closed')).toBe(
      true,
    );
  });
});
