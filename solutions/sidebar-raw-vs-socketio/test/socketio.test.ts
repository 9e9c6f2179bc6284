// The Socket.IO echo: every row of demo 3's contract, and bad payloads.

import {
  connect,
  disconnectAll,
  expectNoEvent,
  nextEvent,
  type RunningApp,
  startApp,
} from '@funws/testkit';
import { io, type Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import type {
  ClientToServerEvents,
  EchoAck,
  EchoResponse,
  ServerToClientEvents,
  StatusPayload,
} from '../src/protocol.ts';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
let running: RunningApp<ReturnType<typeof createApp>>;
beforeEach(async () => {
  running = await startApp(createApp);
});
afterEach(async () => {
  disconnectAll();
  await running.close();
});

/** Sends a payload of any shape (as a hostile client could) and resolves with the ack. */
function emitRaw(socket: Client, payload: unknown): Promise<EchoAck> {
  return new Promise((resolve) => {
    (
      socket as unknown as {
        emit(event: string, payload: unknown, ack: (a: EchoAck) => void): void;
      }
    ).emit('echo_message', payload, resolve);
  });
}

describe('the Socket.IO echo', () => {
  it('greets a new connection with status { msg }', async () => {
    // Listen before connecting: the server greets as soon as the connection is made.
    const socket: Client = io(running.url, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
    });
    try {
      const status = nextEvent<StatusPayload>(socket, 'status');
      expect(await status).toEqual({ msg: expect.any(String) });
    } finally {
      socket.disconnect();
    }
  });

  it('acknowledges a good message with { ok: true } and uses Anonymous without a username', async () => {
    const socket = await connect<Client>(running.url);
    const echoed = nextEvent<EchoResponse>(socket, 'echo_response');
    expect(await emitRaw(socket, { message: '  hi  ' })).toEqual({ ok: true });
    expect(await echoed).toMatchObject({ username: 'Anonymous', message: 'hi', echo: true });
  });

  it.each([
    ['no payload', undefined],
    ['a string', 'hi'],
    ['a missing message', { username: 'a' }],
    ['a number message', { message: 7 }],
    ['a blank message', { message: '   ' }],
    ['a message over 500 characters', { message: 'x'.repeat(501) }],
    ['a username over 32 characters', { message: 'hi', username: 'u'.repeat(33) }],
  ])('refuses %s with an invalid_payload ack and echoes nothing', async (_name, payload) => {
    const socket = await connect<Client>(running.url);
    const nothing = expectNoEvent(socket, 'echo_response');
    expect(await emitRaw(socket, payload)).toEqual({
      ok: false,
      error: { code: 'invalid_payload', message: expect.any(String) },
    });
    await nothing;
  });

  it('survives an echo_message without an ack callback', async () => {
    const socket = await connect<Client>(running.url);
    (socket as unknown as { emit(event: string, payload: unknown): void }).emit('echo_message', {});
    (socket as unknown as { emit(event: string, payload: unknown): void }).emit('echo_message', {
      message: 'no ack',
    });
    expect(await nextEvent<EchoResponse>(socket, 'echo_response')).toMatchObject({
      message: 'no ack',
    });
  });

  it('refuses a connection from a page on another site', async () => {
    await expect(
      connect(running.url, { extraHeaders: { Origin: 'http://evil.example' } }),
    ).rejects.toThrow(/Could not connect/);
  });
});
