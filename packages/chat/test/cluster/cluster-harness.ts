import { randomUUID } from 'node:crypto';
import { ChatClient, type ChatClientOptions } from '@funws/chat/client';
import { afterEach } from 'vitest';
import { type ChatProcess, startChatProcess } from '../restart/chat-process-handle.ts';

// Three (or more) real chat server processes, nodes of one cluster on a
// redis-server the test file started, and real clients spread over them.
// Clients are closed after each test; the processes when the file says
// (stopChatProcesses), so that a file can keep one cluster for all its tests.

const clients: ChatClient[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.close();
});

/** Options of a cluster's nodes. */
export interface ClusterOptions {
  /** The redis-server's URL. */
  redisUrl: string;
  /** The key prefix the nodes share; a fresh one by default, so each cluster is a chat of its own. */
  prefix?: string;
  heartbeatMs?: number;
  nodeTimeoutMs?: number;
  allowRoomCreation?: boolean;
  /** How long a typist lasts without a new start; default the library's. */
  typingTimeoutMs?: number;
}

/** Starts `count` nodes of one cluster, in parallel; each gets node id `node-<i>`. */
export async function startCluster(
  count: number,
  options: ClusterOptions,
): Promise<{ nodes: ChatProcess[]; startNode(index: number): Promise<ChatProcess> }> {
  const prefix = options.prefix ?? `cluster-${randomUUID()}:`;
  const startNode = (index: number, port = 0) =>
    startChatProcess({
      stores: `redis:${options.redisUrl}`,
      port,
      env: {
        CHAT_REDIS_PREFIX: prefix,
        CHAT_NODE_ID: `node-${index}`,
        CHAT_HEARTBEAT_MS: String(options.heartbeatMs ?? 250),
        // Well above the beat: a node stalled by a loaded machine must not be taken for dead.
        CHAT_NODE_TIMEOUT_MS: String(options.nodeTimeoutMs ?? 2500),
        CHAT_ROOM_CREATION: options.allowRoomCreation === false ? '0' : '1',
        ...(options.typingTimeoutMs
          ? { CHAT_TYPING_TIMEOUT_MS: String(options.typingTimeoutMs) }
          : {}),
      },
    });
  const nodes = await Promise.all(Array.from({ length: count }, (_, index) => startNode(index)));
  return { nodes, startNode: (index) => startNode(index, nodes[index]?.port ?? 0) };
}

/** A ChatClient of `node`, closed after the test; not yet connected. Quick retries. */
export function clientOf(
  node: ChatProcess,
  nickname: string,
  options: Partial<ChatClientOptions> = {},
): ChatClient {
  const created = new ChatClient({
    url: node.url,
    nickname,
    storage: null,
    ...options,
    socketOptions: {
      transports: ['websocket'],
      reconnectionDelay: 20,
      reconnectionDelayMax: 200,
      ...options.socketOptions,
    },
  });
  clients.push(created);
  return created;
}

/** A client of `node` that has connected and joined `rooms`. */
export async function memberOf(
  node: ChatProcess,
  nickname: string,
  rooms: string[],
  options: Partial<ChatClientOptions> = {},
): Promise<ChatClient> {
  const created = clientOf(node, nickname, options);
  await created.connect();
  for (const room of rooms) await created.join(room);
  return created;
}

/** The nicknames of the members `client` sees in `room`, sorted. */
export function memberNames(client: ChatClient, room: string): string[] {
  return (client.state.rooms[room]?.members ?? []).map((member) => member.nickname).sort();
}

/** A room name of its own for one test (the nodes allow room creation). */
export function freshRoom(): string {
  return `r-${randomUUID().slice(0, 8)}`;
}
