import { createServer } from 'node:http';
import {
  ChatClient,
  type ChatClientOptions,
  type ChatState,
  type ConnectionStatus,
} from '@funws/chat/client';
import {
  type AllowRequest,
  type ChatServer,
  type ChatServerOptions,
  createChatServer,
  createOriginCheck,
} from '@funws/chat/server';
import { listen } from '@funws/testkit';
import { afterEach } from 'vitest';

// One place for what every client test needs: a real chat server on 127.0.0.1
// port 0, real ChatClients in Node, waiting on state instead of sleeping, and
// clean-up after each test whatever happened in it.

const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A running chat server for one test. */
export interface TestChat {
  url: string;
  server: ChatServer;
  /** A ChatClient for this server, closed after the test. Not yet connected. */
  client(nickname: string, options?: Partial<ChatClientOptions>): ChatClient;
  /** A client that has connected and joined `rooms`. */
  member(
    nickname: string,
    rooms?: string[],
    options?: Partial<ChatClientOptions>,
  ): Promise<ChatClient>;
}

/** Starts a chat server (rooms `general` and `random` unless told otherwise). */
export async function startChat(options: ChatServerOptions = {}): Promise<TestChat> {
  const httpServer = createServer();
  const server = createChatServer(httpServer, { rooms: ['general', 'random'], ...options });
  const listening = await listen(httpServer);
  cleanups.push(async () => {
    await server.close();
    await listening.close();
  });
  return chatAt(listening.url, server);
}

/** Test helpers around a chat server that is already listening at `url`. */
export function chatAt(url: string, server: ChatServer): TestChat {
  const client = (nickname: string, options: Partial<ChatClientOptions> = {}) => {
    const created = new ChatClient({
      url,
      nickname,
      storage: null,
      ...options,
      socketOptions: { transports: ['websocket'], ...options.socketOptions },
    });
    cleanups.push(() => created.close());
    return created;
  };
  const member = async (nickname: string, rooms = ['general'], options = {}) => {
    const created = client(nickname, options);
    await created.connect();
    for (const room of rooms) await created.join(room);
    return created;
  };
  return { url, server, client, member };
}

/**
 * Resolves with the client's state once `predicate` holds (now or after a
 * change), or fails after `timeoutMs` naming what was awaited.
 */
export function waitForState(
  client: ChatClient,
  what: string,
  predicate: (state: ChatState) => boolean,
  timeoutMs = 2000,
): Promise<ChatState> {
  if (predicate(client.state)) return Promise.resolve(client.state);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(
        new Error(`Expected ${what} within ${timeoutMs} ms; the state is ${preview(client.state)}`),
      );
    }, timeoutMs);
    const off = client.on('change', (state) => {
      if (!predicate(state)) return;
      clearTimeout(timer);
      off();
      resolve(state);
    });
  });
}

/**
 * A door for new connections (socket.io's `allowRequest`): closed, it refuses
 * every handshake, which a client sees as a server it cannot reach, so it
 * stays away and retries; open, it lets them through (same origin only).
 *
 * @example
 * const gate = createGate();
 * const chat = await startChat({ serverOptions: { allowRequest: gate.allowRequest } });
 */
export function createGate(): { allowRequest: AllowRequest; close(): void; open(): void } {
  const sameOrigin = createOriginCheck();
  let closed = false;
  return {
    allowRequest: (request, callback) =>
      closed ? callback('the test holds this client out', false) : sameOrigin(request, callback),
    close: () => {
      closed = true;
    },
    open: () => {
      closed = false;
    },
  };
}

/** Every connection status `client` goes through from now on. */
export function statusesOf(client: ChatClient): ConnectionStatus[] {
  const statuses: ConnectionStatus[] = [];
  client.on('change', (_state, change) => {
    if (change.type === 'connection') statuses.push(change.connection);
  });
  return statuses;
}

/** Records every event the client sends upstream, by name. */
export function countOutgoing(client: ChatClient): Map<string, number> {
  const counts = new Map<string, number>();
  client.socket.onAnyOutgoing((event: string) => counts.set(event, (counts.get(event) ?? 0) + 1));
  return counts;
}

/** Records every event the client receives from the server, by name. */
export function countIncoming(client: ChatClient): Map<string, number> {
  const counts = new Map<string, number>();
  client.socket.onAny((event: string) => counts.set(event, (counts.get(event) ?? 0) + 1));
  return counts;
}

/** The texts of the messages `client` has in `room`. */
export function texts(client: ChatClient, room = 'general'): string[] {
  return client.state.rooms[room]?.messages.map((message) => message.text) ?? [];
}

function preview(state: ChatState): string {
  const text = JSON.stringify(state);
  return text.length > 600 ? `${text.slice(0, 600)}…` : text;
}
