// Helpers shared by the server tests: start a chat server on port 0, connect
// users (listening for `session` before the connection opens, so it is never
// missed), send typed requests, and tidy up after each test.
import { createServer } from 'node:http';
import { connect, disconnectAll, type Listening, listen } from '@funws/testkit';
import { io, type Socket } from 'socket.io-client';
import { expect } from 'vitest';
import type {
  ChatErrorCode,
  ClientEventName,
  ClientPayload,
  ClientToServerEvents,
  RoomSnapshot,
  ServerToClientEvents,
  Session,
} from '../../src/protocol/index.ts';
import {
  type ChatServer,
  type ChatServerOptions,
  createChatServer,
} from '../../src/server/index.ts';

/** A client socket with the chat's event maps, as a user of the library would type it. */
export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** What the server acks for event `E`. */
export type AckOf<E extends ClientEventName> = Parameters<
  NonNullable<Parameters<ClientToServerEvents[E]>[1]>
>[0];

/** A running test server. */
export interface TestServer {
  url: string;
  chat: ChatServer;
  listening: Listening;
}

/** A connected user: its socket, what the server said in `session`, and every event name it received. */
export interface TestUser {
  socket: ClientSocket;
  session: Session;
  received: string[];
}

const servers = new Set<TestServer>();
const sockets = new Set<Socket>();

/** Starts a chat server on 127.0.0.1, port 0. */
export async function startChat(options: ChatServerOptions = {}): Promise<TestServer> {
  const httpServer = createServer();
  const chat = createChatServer(httpServer, options);
  const listening = await listen(httpServer);
  const server = { url: listening.url, chat, listening };
  servers.add(server);
  return server;
}

/** Disconnects every client and closes every server a test started; use in `afterEach`. */
export async function cleanUp(): Promise<void> {
  disconnectAll();
  for (const socket of sockets) socket.disconnect();
  sockets.clear();
  await Promise.all(
    [...servers].map(async ({ chat, listening }) => {
      await chat.close();
      await listening.close();
    }),
  );
  servers.clear();
}

/** Connects a user with `auth: { nickname, token? }` and resolves once `session` arrived. */
export async function connectUser(
  url: string,
  nickname: string,
  { token, ...auth }: { token?: string } & Record<string, unknown> = {},
  options: Parameters<typeof io>[1] = {},
): Promise<TestUser> {
  const socket: ClientSocket = io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    autoConnect: false,
    auth: { nickname, ...(token === undefined ? {} : { token }), ...auth },
    ...options,
  });
  sockets.add(socket as Socket);
  const received: string[] = [];
  socket.onAny((event: string) => received.push(event));
  const session = new Promise<Session>((resolve, reject) => {
    socket.once('session', resolve);
    socket.once('connect_error', (error: Error & { data?: unknown }) =>
      reject(new Error(`${nickname} could not connect: ${JSON.stringify(error.data)}`)),
    );
  });
  socket.connect();
  return { socket, session: await session, received };
}

/** Connects `count` users named `${prefix}-0`, `${prefix}-1`, … in batches. */
export async function connectUsers(
  url: string,
  prefix: string,
  count: number,
  batch = 50,
): Promise<TestUser[]> {
  const users: TestUser[] = [];
  for (let start = 0; start < count; start += batch) {
    const size = Math.min(batch, count - start);
    users.push(
      ...(await Promise.all(
        Array.from({ length: size }, (_, i) => connectUser(url, `${prefix}-${start + i}`)),
      )),
    );
  }
  return users;
}

/** The `err.data` of a refused connection, e.g. `{ code: 'nickname_taken', message }`. */
export async function connectionRefusal(
  url: string,
  options: Parameters<typeof io>[1] = {},
): Promise<{ code: ChatErrorCode; message: string }> {
  const socket = io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    ...options,
  });
  sockets.add(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => reject(new Error('Expected the connection to be refused.')));
    socket.once(
      'connect_error',
      (error: Error & { data?: { code: ChatErrorCode; message: string } }) =>
        error.data ? resolve(error.data) : reject(error),
    );
  });
}

/** Sends a typed event and resolves with the server's ack. */
export function request<E extends ClientEventName>(
  socket: ClientSocket,
  event: E,
  payload: ClientPayload<E>,
): Promise<AckOf<E>> {
  return rawRequest(socket, event, payload) as Promise<AckOf<E>>;
}

/** Sends anything at all (a hostile client) and resolves with the ack. */
export function rawRequest(
  socket: ClientSocket,
  event: string,
  ...args: unknown[]
): Promise<unknown> {
  return (socket as unknown as Socket).timeout(3000).emitWithAck(event, ...args);
}

/** Asserts an ack says ok, and narrows it. */
export function expectOk<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`Expected an ok ack, got ${JSON.stringify(result)}.`);
  return result as Extract<T, { ok: true }>;
}

/** Asserts an ack is a refusal with `code` and a readable message. */
export function expectRefused(result: unknown, code: ChatErrorCode): void {
  expect(result).toEqual({ ok: false, error: { code, message: expect.any(String) } });
}

/** Subscribes a user's socket to `room:counts` (`room:list { watch: true }`). */
export async function watchCounts(user: TestUser): Promise<void> {
  expectOk(await request(user.socket, 'room:list', { watch: true }));
}

/** Joins a room and answers the snapshot. */
export async function joinRoom(user: TestUser, room = 'general'): Promise<RoomSnapshot> {
  return expectOk(await request(user.socket, 'room:join', { room })).snapshot;
}

/** Connects a user and joins them to `room`. */
export async function member(url: string, nickname: string, room = 'general'): Promise<TestUser> {
  const user = await connectUser(url, nickname);
  await joinRoom(user, room);
  return user;
}

/** A plain testkit client with no typed events, e.g. to prove a server still accepts people. */
export function bystander(url: string, nickname: string): Promise<Socket> {
  return connect(url, { auth: { nickname } });
}
