import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessage, RoomSnapshot } from '../../src/protocol/index.ts';
import { start, stop } from '../packaging/run.ts';

// kill -9 in the middle of a burst: every message the server acknowledged
// before it died is in the history of the server started again on its file.

const packageDir = resolve(import.meta.dirname, '../..');
const fixture = join(import.meta.dirname, 'fixtures', 'sqlite-chat-process.ts');
/** Acknowledged messages after which the server is killed, with more still on their way. */
const killAfter = 300;
/** Messages in flight at once: the burst. */
const inFlight = 32;

let folder = '';
const children: ChildProcess[] = [];
const sockets: Socket[] = [];

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'funws-sqlite-kill-'));
});

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await Promise.all(children.map(stop));
  await rm(folder, { recursive: true, force: true });
});

async function startServer(file: string): Promise<{ child: ChildProcess; url: string }> {
  const { child, output } = await start(process.execPath, ['--import', 'tsx', fixture, file], {
    cwd: packageDir,
    env: process.env,
    ready: /listening on \d+/,
    timeoutMs: 30_000,
  });
  children.push(child);
  const port = /listening on (\d+)/.exec(output.stdout)?.[1];
  return { child, url: `http://127.0.0.1:${port}` };
}

async function joinAs(
  url: string,
  nickname: string,
): Promise<{ socket: Socket; snapshot: RoomSnapshot }> {
  const socket = io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth: { nickname },
  });
  sockets.push(socket);
  await new Promise<void>((resolveConnect, reject) => {
    socket.once('connect', resolveConnect);
    socket.once('connect_error', reject);
  });
  const joined = (await socket.timeout(10_000).emitWithAck('room:join', { room: 'general' })) as {
    ok: boolean;
    snapshot: RoomSnapshot;
  };
  if (!joined.ok) throw new Error(`Joining failed: ${JSON.stringify(joined)}`);
  return { socket, snapshot: joined.snapshot };
}

/** Thrown past the kill to stop the sending loop. */
class Disconnected extends Error {}

describe('a chat server on the SQLite stores, killed with SIGKILL mid-burst', () => {
  it('has every acknowledged message, once and in order, after it starts again', async () => {
    const file = join(folder, 'killed.sqlite');
    const first = await startServer(file);
    const { socket } = await joinAs(first.url, 'ada');

    const acknowledged: ChatMessage[] = [];
    const exited = new Promise<NodeJS.Signals | null>((resolveExit) =>
      first.child.once('exit', (_code, signal) => resolveExit(signal)),
    );
    let killed = false;
    let sent = 0;
    const sender = async () => {
      while (socket.connected) {
        sent += 1;
        const text = `burst ${sent}`;
        const ack = (await socket
          .timeout(10_000)
          .emitWithAck('message:send', { room: 'general', text })
          .catch(() => {
            throw new Disconnected();
          })) as { ok: boolean; message: ChatMessage };
        if (!ack.ok) throw new Error(`The server refused '${text}': ${JSON.stringify(ack)}`);
        acknowledged.push(ack.message);
        if (acknowledged.length >= killAfter && !killed) {
          killed = true;
          first.child.kill('SIGKILL');
        }
      }
    };
    const senders = await Promise.allSettled(Array.from({ length: inFlight }, sender));
    for (const outcome of senders) {
      if (outcome.status === 'rejected' && !(outcome.reason instanceof Disconnected)) {
        throw outcome.reason;
      }
    }
    expect(await exited).toBe('SIGKILL');
    // Killed, not closed: SQLite never got to fold its write-ahead log back into the file.
    expect(existsSync(`${file}-wal`)).toBe(true);
    expect(sent).toBeGreaterThan(acknowledged.length);

    const second = await startServer(file);
    const { snapshot } = await joinAs(second.url, 'grace');
    const stored = snapshot.messages.map((message) => message.id);
    expect(new Set(stored).size).toBe(stored.length);
    const missing = acknowledged.filter((message) => !stored.includes(message.id));
    expect(missing.map((message) => message.text)).toEqual([]);
    const positions = acknowledged.map((message) => stored.indexOf(message.id));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    const byId = new Map(snapshot.messages.map((message) => [message.id, message]));
    for (const message of acknowledged) expect(byId.get(message.id)).toEqual(message);
  }, 90_000);
});
