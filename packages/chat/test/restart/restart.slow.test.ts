import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChatClient, type ChatClientOptions, type ConnectionStatus } from '@funws/chat/client';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { texts, waitForState } from '../client/harness.ts';
import { type ChatProcess, startChatProcess, stopChatProcesses } from './chat-process-handle.ts';

// A real server process is killed and started again on the same port. Its
// clients were never told anything: they must come back by themselves (with
// socket.io's recovery keys in their handshake, which a new process cannot
// recover), join their rooms again, and end with every message exactly once,
// in order, including those sent while they were away by clients of the new
// process.

const folder = mkdtempSync(join(tmpdir(), 'funws-restart-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/**
 * The store kinds the restart runs with (a fresh CHAT_STORES for each test),
 * and whether a user keeps their id across the restart with them: with
 * SQLite the new process still knows the session token, and the history, so
 * the clients catch up with `since`; with memory stores they get a new id,
 * and the new process's history to merge.
 */
const storeKinds: { name: string; stores: () => string; keepsIdentity: boolean }[] = [
  { name: 'memory', stores: () => 'memory', keepsIdentity: false },
  {
    name: 'sqlite',
    stores: () => `sqlite:${join(folder, `${randomUUID()}.sqlite`)}`,
    keepsIdentity: true,
  },
];

// Quick retries, so that coming back takes milliseconds once the server is up.
const quickRetry: Partial<ChatClientOptions> = {
  socketOptions: { transports: ['websocket'], reconnectionDelay: 20, reconnectionDelayMax: 100 },
};

const clients: ChatClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await stopChatProcesses();
});

function client(server: ChatProcess, nickname: string, options: Partial<ChatClientOptions> = {}) {
  const created = new ChatClient({
    url: server.url,
    nickname,
    storage: null,
    ...quickRetry,
    ...options,
  });
  clients.push(created);
  return created;
}

/** Every connection status `client` goes through from now on. */
function statusesOf(chat: ChatClient): ConnectionStatus[] {
  const statuses: ConnectionStatus[] = [];
  chat.on('change', (_state, change) => {
    if (change.type === 'connection') statuses.push(change.connection);
  });
  return statuses;
}

describe.each(storeKinds)(
  'a restart of the server process ($name stores)',
  ({ stores: storesFor, keepsIdentity }) => {
    it.each(['SIGKILL', 'SIGTERM'] as const)(
      'after %s, its clients come back by themselves, rejoin, and hold every message once and in order',
      async (signal) => {
        const stores = storesFor();
        const first = await startChatProcess({ stores });
        const ada = client(first, 'ada');
        const bob = client(first, 'bob');
        const adaSession = await ada.connect();
        await bob.connect();
        await ada.join('general');
        await ada.join('random');
        await bob.join('general');
        await ada.send('general', 'before 1');
        await bob.send('general', 'before 2');
        await waitForState(ada, 'both messages', () => texts(ada).length === 2);
        await waitForState(bob, 'both messages', () => texts(bob).length === 2);
        const adaStatuses = statusesOf(ada);
        const errors: string[] = [];
        ada.on('error', (error) => errors.push(`${error.code}: ${error.message}`));

        await first.stop(signal);
        await waitForState(ada, 'ada reconnecting', (state) => state.connection === 'reconnecting');
        await waitForState(bob, 'bob reconnecting', (state) => state.connection === 'reconnecting');

        // The same port; ada and bob are kept out until carol, a client of the new process, has talked.
        const second = await startChatProcess({ stores, port: first.port, held: true });
        const carol = client(second, 'carol', {
          socketOptions: { ...quickRetry.socketOptions, query: { crew: '1' } },
        });
        await carol.connect();
        await carol.join('general');
        await carol.send('general', 'while away 1');
        await carol.send('general', 'while away 2');
        expect(ada.state.connection).toBe('reconnecting');
        await second.open();

        const expected = ['before 1', 'before 2', 'while away 1', 'while away 2'];
        await waitForState(ada, 'ada back', (state) => state.connection === 'connected', 10_000);
        await waitForState(bob, 'bob back', (state) => state.connection === 'connected', 10_000);
        expect(texts(ada)).toEqual(expected);
        expect(texts(bob)).toEqual(expected);
        expect(Object.keys(ada.state.rooms).sort()).toEqual(['general', 'random']);
        expect(ada.socket.recovered).toBeFalsy();
        expect(ada.state.session?.nickname).toBe('ada');
        if (keepsIdentity) expect(ada.state.session?.userId).toBe(adaSession.userId);
        // Retries failed while the server was down and held; none of it showed as `disconnected`.
        expect(adaStatuses).toEqual(['reconnecting', 'connected']);
        expect(errors).toEqual([]);

        // Back for real: in the rooms, seen by the others, and hearing them.
        await waitForState(carol, 'ada and bob among the members', (state) =>
          ['ada', 'bob'].every((name) =>
            state.rooms.general?.members.some((member) => member.nickname === name),
          ),
        );
        await carol.send('general', 'after');
        await waitForState(ada, 'the message after', () => texts(ada).includes('after'));
        await waitForState(bob, 'the message after', () => texts(bob).includes('after'));
        expect(texts(ada)).toEqual([...expected, 'after']);
        expect(texts(bob)).toEqual([...expected, 'after']);
      },
      60_000,
    );
  },
);
