import { createServer } from 'node:http';
import type { ChatClient } from '@funws/chat/client';
import type { ClientToServerEvents, ServerToClientEvents } from '@funws/chat/protocol';
import { createChatServer } from '@funws/chat/server';
import { listen } from '@funws/testkit';
import { Server } from 'socket.io';
import { afterEach, describe, expect, it } from 'vitest';
import { chatAt, startChat, texts, waitForState } from './harness.ts';

// Quick retries, so a dropped connection comes back within the test's patience.
const quickRetry = { socketOptions: { reconnectionDelay: 20, reconnectionDelayMax: 50 } };

/** Drops the connection the way a flaky network does: no goodbye, so socket.io reconnects. */
function dropConnection(client: ChatClient): void {
  client.socket.io.engine.close();
}

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

describe('ChatClient reconnection', () => {
  it('comes back in its rooms when the server recovers the connection', async () => {
    const chat = await startChat();
    const ada = await chat.member('ada', ['general'], quickRetry);
    const bob = await chat.member('bob');
    const statuses: string[] = [];
    ada.on('change', (_state, change) => {
      if (change.type === 'connection') statuses.push(change.connection);
    });

    dropConnection(ada);
    await waitForState(ada, 'connected again', (state) => state.connection === 'connected');
    expect(ada.socket.recovered).toBe(true);
    expect(statuses).toEqual(['reconnecting', 'connected']);

    await bob.send('general', 'welcome back');
    await waitForState(ada, 'the message after the drop', () =>
      texts(ada).includes('welcome back'),
    );
  });

  it('joins its rooms again when the server did not recover the connection', async () => {
    // A socket.io server of our own, without connection state recovery.
    const httpServer = createServer();
    const io = new Server<ClientToServerEvents, ServerToClientEvents>(httpServer);
    const server = createChatServer(io, { rooms: ['general', 'random'] });
    const listening = await listen(httpServer);
    stops.push(async () => {
      await server.close();
      await io.close();
      await listening.close();
    });
    const chat = chatAt(listening.url, server);
    const ada = await chat.member('ada', ['general', 'random'], quickRetry);
    const bob = await chat.member('bob');
    await bob.send('general', 'before the drop');
    await waitForState(ada, 'the first message', () => texts(ada).length === 1);
    const rejoined: string[] = [];
    ada.on('change', (_state, change) => {
      if (change.type === 'joined') rejoined.push(change.room);
    });

    dropConnection(ada);
    await waitForState(ada, 'both rooms joined again', () => rejoined.length === 2);
    expect(ada.socket.recovered).toBeFalsy();
    expect(rejoined.sort()).toEqual(['general', 'random']);
    expect(texts(ada)).toEqual(['before the drop']);
    await waitForState(bob, 'ada back among the members', (state) =>
      (state.rooms.general?.members ?? []).some((member) => member.nickname === 'ada'),
    );

    await bob.send('general', 'after the drop');
    await waitForState(ada, 'the message after the drop', () =>
      texts(ada).includes('after the drop'),
    );
  });

  it('answers connect() during a reconnection once socket.io has reconnected', async () => {
    const chat = await startChat();
    const ada = await chat.member('ada', ['general'], quickRetry);
    dropConnection(ada);
    expect(ada.state.connection).toBe('reconnecting');
    const session = await ada.connect();
    expect(session.userId).toBe(ada.state.session?.userId);
    expect(ada.state.connection).toBe('connected');
  });
});
