// "What happens when the server restarts?": POST /restart drops every connection.
// The raw WebSocket just closes; the Socket.IO client reconnects by itself.

import { connect, disconnectAll, nextEvent, type RunningApp, startApp } from '@funws/testkit';
import type { Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createApp } from '../src/app.ts';
import type { ClientToServerEvents, EchoResponse, ServerToClientEvents } from '../src/protocol.ts';
import { closeAllRaw, nextClose, openRaw, rawUrlOf } from './helpers.ts';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
let running: RunningApp<ReturnType<typeof createApp>>;
beforeEach(async () => {
  running = await startApp(createApp);
});
afterEach(async () => {
  disconnectAll();
  closeAllRaw();
  await running.close();
});

const restart = (headers: Record<string, string> = {}) =>
  fetch(`${running.url}/restart`, { method: 'POST', headers, signal: AbortSignal.timeout(2000) });

describe('POST /restart', () => {
  it('closes raw connections with code 1012 (service restart); they stay closed', async () => {
    const socket = await openRaw(rawUrlOf(running.url));
    const closed = nextClose(socket);
    expect((await restart({ Origin: running.url })).status).toBe(204);
    expect(await closed).toEqual({ code: 1012, reason: 'Server restarting' });
    expect(socket.readyState).toBe(WebSocket.CLOSED);
  });

  it('drops Socket.IO connections with "transport close", and the client reconnects by itself', async () => {
    const socket = await connect<Client>(running.url, {
      reconnection: true,
      reconnectionDelay: 50,
      reconnectionDelayMax: 100,
    });
    const firstId = socket.id;
    const disconnected = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    const reconnected = new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    expect((await restart()).status).toBe(204);
    expect(await disconnected, 'a dropped transport, not a kick').toBe('transport close');
    expect(socket.active, 'the client plans to reconnect').toBe(true);
    await reconnected;
    expect(socket.connected).toBe(true);
    expect(socket.id).not.toBe(firstId);
    const echoed = nextEvent<EchoResponse>(socket, 'echo_response');
    socket.emit('echo_message', { message: 'back again' }, () => {});
    expect(await echoed).toMatchObject({ message: 'back again' });
  });

  it('is refused from another site', async () => {
    const socket = await openRaw(rawUrlOf(running.url));
    expect((await restart({ Origin: 'http://evil.example' })).status).toBe(403);
    expect((await restart({ 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect(socket.readyState).toBe(WebSocket.OPEN);
  });
});
