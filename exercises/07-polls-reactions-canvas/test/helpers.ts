import type { DemoApp, DemoOptions } from '@funws/demo-kit';
import { connect, disconnectAll, nextEvent, type RunningApp, startApp } from '@funws/testkit';
import type { Socket } from 'socket.io-client';
import { afterEach, beforeEach } from 'vitest';
import { createApp } from '../src/app.ts';
import type { ClientToServerEvents, Message, Poll, ServerToClientEvents } from '../src/protocol.ts';

/** A test client, typed with this demo's event maps (note the order: what it receives first). */
export type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Connects a client without joining. */
export function connectClient(url: string): Promise<Client> {
  return connect<Client>(url);
}

/** Connects a client and joins as `nickname`, failing with the server's reason if refused. */
export async function joinAs(url: string, nickname: string): Promise<Client> {
  const socket = await connectClient(url);
  const ack = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('join_chat', { nickname });
  if (!ack.ok) throw new Error(`join_chat as "${nickname}" was refused: ${ack.error.message}`);
  return socket;
}

/** Sends a message and returns the id the server gave it (read from the broadcast). */
export async function say(socket: Client, text: string): Promise<string> {
  const sent = socket.timeout(ACK_TIMEOUT_MS).emitWithAck('send_message', { text });
  const echoed = nextEvent<Message>(socket, 'new_message', {
    after: sent,
    where: (message: Message) => message.text === text.trim(),
  });
  const ack = await sent;
  if (!ack.ok) throw new Error(`send_message was refused: ${ack.error.message}`);
  return (await echoed).id;
}

/** Creates a poll and returns it as the server made it (with option ids). */
export async function createPoll(socket: Client, question: string, options: string[]) {
  const ack = await socket
    .timeout(ACK_TIMEOUT_MS)
    .emitWithAck('create_poll', { question, options });
  if (!ack.ok) throw new Error(`create_poll was refused: ${ack.error.message}`);
  return ack.poll;
}

/** The id of the option with this text; fails clearly if there is none. */
export function optionId(poll: Poll, text: string): string {
  const option = poll.options.find((candidate) => candidate.text === text);
  if (!option) throw new Error(`The poll has no option "${text}".`);
  return option.id;
}

/** Vote counts by option text, e.g. `{ Tea: 1, Coffee: 0 }`. */
export function tally(poll: Poll): Record<string, number> {
  return Object.fromEntries(poll.options.map((option) => [option.text, option.votes]));
}

/**
 * Starts a fresh app before each test and stops it (and every client) after,
 * so tests never see each other's users or messages. Call it inside `describe`.
 */
export function useApp(options: DemoOptions = {}): () => RunningApp<DemoApp> {
  let running: RunningApp<DemoApp> | undefined;
  beforeEach(async () => {
    running = await startApp((base) => createApp({ ...base, ...options }));
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
