import { createServer } from 'node:http';
import type { ChatClient } from '@funws/chat/client';
import type { ClientToServerEvents, ServerToClientEvents } from '@funws/chat/protocol';
import { createChatServer } from '@funws/chat/server';
import { listen } from '@funws/testkit';
import { Server } from 'socket.io';
import { afterEach, describe, expect, it } from 'vitest';
import { chatAt, createGate, startChat, statusesOf, texts, waitForState } from './harness.ts';

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

describe('ChatClient reconnection the server cannot recover', () => {
  it('catches up from the history after being away longer than the recovery window, with nothing lost and nothing twice', async () => {
    const gate = createGate();
    const windowMs = 200;
    const chat = await startChat({
      recoveryWindowMs: windowMs,
      serverOptions: { allowRequest: gate.allowRequest },
    });
    const ada = await chat.member('ada', ['general'], quickRetry);
    const bob = await chat.member('bob');
    const before = await bob.send('general', 'before');
    await waitForState(ada, 'the first message', () => texts(ada).includes('before'));
    const userId = ada.state.session?.userId;
    const statuses = statusesOf(ada);
    const joins: unknown[] = [];
    ada.socket.onAnyOutgoing((event: string, payload: unknown) => {
      if (event === 'room:join') joins.push(payload);
    });

    gate.close();
    dropConnection(ada);
    await waitForState(ada, 'ada away', (state) => state.connection === 'reconnecting');
    await bob.send('general', 'away 1');
    await bob.send('general', 'away 2');
    // socket.io has no event for a session running out of time: outlast the window.
    await new Promise((resolve) => setTimeout(resolve, windowMs + 100));
    gate.open();

    await waitForState(ada, 'ada back', (state) => state.connection === 'connected', 5000);
    expect(ada.socket.recovered).toBeFalsy();
    expect(ada.state.session?.userId).toBe(userId);
    expect(joins).toEqual([{ room: 'general', since: before.id }]);
    expect(texts(ada)).toEqual(['before', 'away 1', 'away 2']);
    expect(statuses).toEqual(['reconnecting', 'connected']);

    await bob.send('general', 'after');
    await waitForState(ada, 'the message after', () => texts(ada).includes('after'));
    expect(texts(ada)).toEqual(['before', 'away 1', 'away 2', 'after']);
  });

  it('holds a request made while reconnecting until it is back in its rooms', async () => {
    const gate = createGate();
    const chat = await startChat({
      recoveryWindowMs: 0,
      serverOptions: { allowRequest: gate.allowRequest },
    });
    const ada = await chat.member('ada', ['general'], quickRetry);
    const bob = await chat.member('bob');
    gate.close();
    dropConnection(ada);
    await waitForState(ada, 'ada away', (state) => state.connection === 'reconnecting');
    // Sent at once on reconnection, it would reach the server before ada's re-join: not_in_room.
    const sending = ada.send('general', 'sent while away');
    gate.open();
    expect((await sending).text).toBe('sent while away');
    await waitForState(bob, 'the message', () => texts(bob).includes('sent while away'));
    expect(texts(ada)).toEqual(['sent while away']);
  });

  it('keeps retrying a reconnection the server refuses as unavailable, and ends connected', async () => {
    const httpServer = createServer();
    const io = new Server<ClientToServerEvents, ServerToClientEvents>(httpServer);
    let refusals = 0;
    let refusing = false;
    // Before the chat's own middleware: what a server that is shutting down answers.
    io.use((_socket, next) => {
      if (!refusing || refusals === 3) return next();
      refusals += 1;
      next(Object.assign(new Error('busy'), { data: { code: 'unavailable', message: 'Busy.' } }));
    });
    const server = createChatServer(io, { rooms: ['general'] });
    const listening = await listen(httpServer);
    stops.push(async () => {
      await server.close();
      await io.close();
      await listening.close();
    });
    const chat = chatAt(listening.url, server);
    const ada = await chat.member('ada', ['general'], quickRetry);
    const statuses = statusesOf(ada);
    const errors: unknown[] = [];
    ada.on('error', (error) => errors.push(error));

    refusing = true;
    dropConnection(ada);
    await waitForState(ada, 'ada back', (state) => state.connection === 'connected', 5000);
    expect(refusals).toBe(3);
    expect(statuses).toEqual(['reconnecting', 'connected']);
    expect(errors).toEqual([]);
    expect(Object.keys(ada.state.rooms)).toEqual(['general']);
  });

  it('keeps trying, rather than giving up, when the chat on a shared socket.io server is closed', async () => {
    const httpServer = createServer();
    const io = new Server<ClientToServerEvents, ServerToClientEvents>(httpServer);
    const server = createChatServer(io, { rooms: ['general'] });
    const listening = await listen(httpServer);
    stops.push(async () => {
      await io.close();
      await listening.close();
    });
    const ada = await chatAt(listening.url, server).member('ada', ['general'], quickRetry);
    const refused = new Promise<unknown>((resolve) =>
      ada.socket.on('connect_error', (error: Error & { data?: unknown }) => resolve(error.data)),
    );
    await server.close();
    expect(await refused).toMatchObject({ code: 'unavailable' });
    expect(ada.state.connection).toBe('reconnecting');
  });
});
