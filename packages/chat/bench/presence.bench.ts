// Presence benchmark: what one join costs the members already in a room, at
// 10, 50 and 200 members. Presence sends diffs, so the bytes each existing
// member receives per join should not grow with the room. Join latency is
// measured in the same run, as ratios to the 10-member baseline (absolute
// times depend on the machine; there is no pass/fail here).
//
// Run: npm run bench -w @funws/chat

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../src/protocol/index.ts';
import { createChatServer } from '../src/server/index.ts';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

const sizes = [10, 50, 200];
const joinsPerSize = 5;

interface Result {
  members: number;
  bytesPerJoin: number;
  ackMs: number;
  diffMs: number;
}

async function measure(members: number): Promise<Result> {
  const httpServer = createServer();
  // A generous rate limit: the benchmark's clients are fast on purpose.
  const chat = createChatServer(httpServer, {
    limits: { rateLimit: { burst: 1000, perSecond: 1000 } },
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  const clients: Client[] = [];
  try {
    for (let start = 0; start < members; start += 50) {
      const batch = Array.from({ length: Math.min(50, members - start) }, (_, i) =>
        connect(url, `m-${start + i}`),
      );
      clients.push(...(await Promise.all(batch)));
    }
    const observer = clients[0] as Client;
    let heardCount = 0;
    observer.on('room:counts', ({ rooms }) => {
      heardCount = rooms[0]?.members ?? 0;
    });
    for (let start = 0; start < members; start += 50) {
      await Promise.all(clients.slice(start, start + 50).map((c) => join(c)));
    }
    await until(() => heardCount === members);

    let bytes = 0;
    observer.io.engine.on('packet', ({ data }) => {
      bytes += typeof data === 'string' ? Buffer.byteLength(data) : 0;
    });
    let ackMs = 0;
    let diffMs = 0;
    for (let n = 0; n < joinsPerSize; n++) {
      // Same-length nicknames, so every join sends the same number of bytes.
      const newcomer = await connect(url, `newcomer-${n}`);
      clients.push(newcomer);
      const diff = new Promise<number>((resolve) =>
        observer.once('presence:diff', () => resolve(performance.now())),
      );
      const started = performance.now();
      await join(newcomer);
      ackMs += performance.now() - started;
      diffMs += (await diff) - started;
      await until(() => heardCount === members + n + 1);
    }
    return {
      members,
      bytesPerJoin: bytes / joinsPerSize,
      ackMs: ackMs / joinsPerSize,
      diffMs: diffMs / joinsPerSize,
    };
  } finally {
    for (const client of clients) client.disconnect();
    await chat.close();
  }
}

function connect(url: string, nickname: string): Promise<Client> {
  const client: Client = io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth: { nickname },
  });
  return new Promise((resolve, reject) => {
    client.once('connect', () => resolve(client));
    client.once('connect_error', reject);
  });
}

async function join(client: Client): Promise<void> {
  const result = await client.timeout(10_000).emitWithAck('room:join', { room: 'general' });
  if (!result.ok) throw new Error(`join failed: ${result.error.message}`);
}

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('the benchmark waited too long for the server');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const results: Result[] = [];
for (const members of sizes) results.push(await measure(members));
const [base] = results as [Result, ...Result[]];
console.table(
  results.map((r) => ({
    members: r.members,
    'bytes/member/join': Math.round(r.bytesPerJoin),
    'bytes ratio vs 10': +(r.bytesPerJoin / base.bytesPerJoin).toFixed(3),
    'join ack ms': +r.ackMs.toFixed(2),
    'ack ratio vs 10': +(r.ackMs / base.ackMs).toFixed(2),
    'diff seen ms': +r.diffMs.toFixed(2),
    'diff ratio vs 10': +(r.diffMs / base.diffMs).toFixed(2),
  })),
);
