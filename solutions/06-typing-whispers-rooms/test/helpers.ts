import type { DemoApp } from '@funws/demo-kit';
import { connect, disconnectAll, type RunningApp, startApp } from '@funws/testkit';
import type { Socket } from 'socket.io-client';
import { afterEach, beforeEach } from 'vitest';
import { createApp, type Demo6Options } from '../src/app.ts';
import type { ClientToServerEvents, RoomName, ServerToClientEvents } from '../src/protocol.ts';

/** A test client, typed with this demo's event maps (note the order: what it receives first). */
export type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Connects a client without joining. */
export function connectClient(url: string): Promise<Client> {
  return connect<Client>(url);
}

/**
 * Connects a client and joins `room` as `nickname`, failing with the server's
 * reason if the join is refused. Waits only for the acknowledgement.
 */
export async function joinAs(url: string, nickname: string, room: RoomName = 'general') {
  const socket = await connectClient(url);
  const ack = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('join_room', { nickname, room });
  if (!ack.ok) throw new Error(`join_room as "${nickname}" was refused: ${ack.error.message}`);
  return socket;
}

/**
 * Starts a fresh app before each test and stops it (and every client) after,
 * so tests never see each other's users or messages. Call it inside `describe`.
 */
export function useApp(options: Demo6Options = {}): () => RunningApp<DemoApp> {
  let running: RunningApp<DemoApp> | undefined;
  beforeEach(async () => {
    running = await startApp(() => createApp(options));
  });
  afterEach(async () => {
    disconnectAll();
    await running?.close();
  });
  return () => {
    if (!running) throw new Error('useApp(): the app is only running inside a test.');
    return running;
  };
}

/**
 * How long a step test waits for an acknowledgement. The server answers at
 * once on loopback; when it does not answer at all (a handler that forgot
 * `reply(ack, …)`), the test fails after this instead of after vitest's
 * 15-second test timeout.
 */
export const ACK_TIMEOUT_MS = 2000;
