// What a client without socket.io-client sees and sends, frame by frame: a raw
// WebSocket speaking Engine.IO 4 / Socket.IO 5 the way python-socketio and
// other ports do. The README's "Clients in other languages" section says what
// these tests prove.
import { createServer } from 'node:http';
import { type Listening, listen } from '@funws/testkit';
import { Server } from 'socket.io';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { limits } from '../../src/protocol/index.ts';
import {
  type ChatIo,
  type ChatServer,
  createChatServer,
  createOriginCheck,
} from '../../src/server/index.ts';

const opened: { chat: ChatServer; listening: Listening; socket?: WebSocket }[] = [];

afterEach(async () => {
  for (const { chat, listening, socket } of opened.splice(0)) {
    socket?.terminate();
    await chat.close();
    await listening.close();
  }
});

/** A raw WebSocket connection, with every text frame the server sent so far. */
interface RawClient {
  frames: string[];
  send(frame: string): void;
  /** Resolves with the first frame (already received or still to come) that `matches`. */
  frame(matches: (frame: string) => boolean): Promise<string>;
}

async function rawClient(
  recovery: 'default' | 'off',
): Promise<RawClient & { entry: (typeof opened)[number] }> {
  const httpServer = createServer();
  // createChatServer turns recovery on when it creates the socket.io server;
  // given one, it uses it as it is, so this one has recovery off.
  let chat: ChatServer;
  if (recovery === 'default') {
    chat = createChatServer(httpServer);
  } else {
    // As the README shows it: createChatServer's options, minus connectionStateRecovery.
    const io: ChatIo = new Server(httpServer, {
      maxHttpBufferSize: limits.maxPacketBytes,
      allowRequest: createOriginCheck([]),
    });
    chat = createChatServer(io);
  }
  const listening = await listen(httpServer);
  const socket = new WebSocket(
    `${listening.url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`,
  );
  const entry = { chat, listening, socket };
  opened.push(entry);
  const frames: string[] = [];
  const waiting = new Set<() => void>();
  socket.on('message', (data: Buffer) => {
    frames.push(data.toString());
    for (const wake of waiting) wake();
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return {
    entry,
    frames,
    send: (frame) => socket.send(frame),
    frame(matches) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = frames.find(matches);
          if (found === undefined) return false;
          waiting.delete(check);
          resolve(found);
          return true;
        };
        if (check()) return;
        waiting.add(check);
        socket.once('close', () =>
          reject(new Error(`closed; frames so far: ${frames.join(' | ')}`)),
        );
      });
    },
  };
}

/** The arguments of a Socket.IO EVENT frame (`42[...]`) whose event name is `name`. */
const eventNamed = (name: string) => (frame: string) => frame.startsWith(`42["${name}"`);
const eventArguments = (frame: string): unknown[] => JSON.parse(frame.slice(2)) as unknown[];

describe('a client without socket.io-client (python-socketio and the like)', () => {
  it('receives an extra offset argument after every event while connection state recovery is on', async () => {
    const client = await rawClient('default');
    await client.frame((frame) => frame.startsWith('0{'));
    client.send('40{"nickname":"py"}');
    // The CONNECT answer carries a private session id (pid) for recovery.
    const connected = JSON.parse((await client.frame((f) => f.startsWith('40'))).slice(2));
    expect(connected).toHaveProperty('pid');
    const session = eventArguments(await client.frame(eventNamed('session')));
    expect(session).toEqual([
      'session',
      expect.objectContaining({ nickname: 'py' }),
      expect.any(String), // the offset: a handler that takes one argument gets one too many
    ]);
    // Watch the room counts, then join: the counts that join changes come with an offset too.
    client.send('420["room:list",{"watch":true}]');
    client.send('421["room:join",{"room":"general"}]');
    const counts = eventArguments(await client.frame(eventNamed('room:counts')));
    expect(counts).toHaveLength(3);
  });

  it('receives the payload alone when recovery is off', async () => {
    const client = await rawClient('off');
    await client.frame((frame) => frame.startsWith('0{'));
    client.send('40{"nickname":"py"}');
    const connected = JSON.parse((await client.frame((f) => f.startsWith('40'))).slice(2));
    expect(connected).not.toHaveProperty('pid');
    const session = eventArguments(await client.frame(eventNamed('session')));
    expect(session).toEqual(['session', expect.objectContaining({ nickname: 'py' })]);
  });

  it('may send room:list with no payload at all, and gets the rooms in the ack', async () => {
    const client = await rawClient('default');
    await client.frame((frame) => frame.startsWith('0{'));
    client.send('40{"nickname":"py"}');
    await client.frame(eventNamed('session'));
    // EVENT with ack id 7 and no payload: what `sio.call('room:list')` sends.
    client.send('427["room:list"]');
    const ack = JSON.parse((await client.frame((f) => f.startsWith('437'))).slice(3));
    expect(ack).toEqual([{ ok: true, rooms: [{ name: 'general', members: expect.any(Number) }] }]);
  });
});
