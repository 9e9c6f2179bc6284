// A chat server in a process of its own, for the restart tests: started by
// ./chat-process-handle.ts, killed, and started again on the same port.
//
//   PORT              the port on 127.0.0.1 (0: any free port; the first start uses it)
//   CHAT_STORES       memory | sqlite:<file> — which stores the server keeps its state in
//   CHAT_RECOVERY_MS  the connection-state-recovery window (default: the library's)
//   CHAT_HELD         1: refuse every connection except the "crew" (query `crew=1`)
//                     until a line `open` arrives on stdin. The tests use it to be sure
//                     their clients are away while others talk.
//
// It prints one JSON line on stdout per milestone: { "listening": port }, { "open": true }.
// SIGTERM closes the chat gracefully; SIGKILL is the crash.

import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import {
  type ChatStores,
  createChatServer,
  createMemoryStores,
  createOriginCheck,
} from '@funws/chat/server';

/** The stores CHAT_STORES names, and how to close them after the chat. */
async function storesFrom(spec: string): Promise<ChatStores & { close?(): Promise<void> }> {
  if (spec === 'memory') return createMemoryStores();
  if (spec.startsWith('sqlite:')) {
    // Imported only here, so the memory case runs without the SQLite binding.
    const { createSqliteStores } = await import('@funws/chat/sqlite');
    return createSqliteStores(spec.slice('sqlite:'.length));
  }
  throw new Error(`CHAT_STORES=${spec}: expected memory or sqlite:<file>.`);
}

const port = Number(process.env.PORT ?? 0);
const stores = await storesFrom(process.env.CHAT_STORES ?? 'memory');
let held = process.env.CHAT_HELD === '1';

const sameOrigin = createOriginCheck();
const isCrew = (request: IncomingMessage) =>
  new URL(request.url ?? '/', 'http://localhost').searchParams.get('crew') === '1';

const httpServer = createServer();
const chat = createChatServer(httpServer, {
  rooms: ['general', 'random'],
  stores,
  ...(process.env.CHAT_RECOVERY_MS
    ? { recoveryWindowMs: Number(process.env.CHAT_RECOVERY_MS) }
    : {}),
  serverOptions: {
    allowRequest: (request, callback) => {
      if (held && !isCrew(request))
        return callback('held: the test has not opened the doors', false);
      sameOrigin(request, callback);
    },
  },
});

const say = (milestone: Record<string, unknown>) =>
  process.stdout.write(`${JSON.stringify(milestone)}\n`);

createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() !== 'open') return;
  held = false;
  say({ open: true });
});
process.on('SIGTERM', async () => {
  await chat.close();
  await stores.close?.();
  process.exit(0);
});

httpServer.listen(port, '127.0.0.1', () => {
  say({ listening: (httpServer.address() as AddressInfo).port });
});
