// @funws/chat against malformed payloads: every client→server event, at least
// 1,000 payloads each, with an observer in the same room that must receive
// nothing and a server that must keep answering with typed errors.
import { createServer } from 'node:http';
import { clientPayloadSchemas } from '@funws/chat/protocol';
import { type ChatServer, createChatServer } from '@funws/chat/server';
import { type Listening, listen } from '@funws/testkit';
import fc from 'fast-check';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type EventCount,
  type EventSpec,
  type FuzzClients,
  fuzzEvent,
  report,
} from './support/fuzz.ts';
import {
  type FieldSpec,
  invalidText,
  junk,
  malformedObject,
  notEmptyObject,
} from './support/malformed.ts';

const room: FieldSpec = {
  valid: fc.constant('general'),
  invalid: fc.oneof(
    junk.filter((value) => typeof value !== 'string'),
    fc.constantFrom('', '  ', 'two words', '-dash-first', 'ünïcode', 'x'.repeat(33), 'a\u0000b'),
  ),
};
const text = (max: number): FieldSpec => ({
  valid: fc.constant('hello'),
  invalid: invalidText(max),
});
const id: FieldSpec = {
  valid: fc.constant('abc'),
  invalid: fc.oneof(
    junk.filter((value) => typeof value !== 'string'),
    fc.constantFrom('', 'x'.repeat(65)),
  ),
};
const point = { x: 0.5, y: 0.5 };
const segment: FieldSpec = {
  valid: fc.constant({ from: point, to: point, color: '#123456', width: 2 }),
  invalid: fc.oneof(
    junk,
    fc.constantFrom(
      { from: { x: 2, y: 0 }, to: point, color: '#123456', width: 2 },
      { from: point, to: point, color: 'red', width: 2 },
      { from: point, to: point, color: '#123456', width: 0 },
      { from: point, to: { x: Number.NaN, y: 0 }, color: '#123456', width: 2 },
      { from: point, to: point, color: '#123456', width: 2, userId: 'forged' },
    ),
  ),
};
const options: FieldSpec = {
  valid: fc.constant(['yes', 'no']),
  invalid: fc.oneof(
    junk,
    fc.constantFrom(
      [],
      ['only one'],
      ['a', 'b', 'c', 'd', 'e', 'f', 'g'],
      ['same', 'SAME'],
      ['ok', ''],
    ),
    fc.array(invalidText(80), { minLength: 2, maxLength: 6 }),
  ),
};
const emoji: FieldSpec = {
  valid: fc.constant('👍'),
  invalid: fc.oneof(junk, fc.constantFrom('', '💩', 'thumbs up', '👍👍')),
};

/** Every client→server event of the library, with the fields of its payload. */
const events: EventSpec[] = [
  // No payload at all is left out here: `room:list` may accept it.
  { event: 'room:list', payloads: notEmptyObject },
  { event: 'room:join', payloads: malformedObject({ room }) },
  { event: 'room:leave', payloads: malformedObject({ room }) },
  { event: 'room:switch', payloads: malformedObject({ room }) },
  { event: 'message:send', payloads: malformedObject({ room, text: text(2000) }) },
  { event: 'whisper:send', payloads: malformedObject({ to: id, text: text(2000) }) },
  { event: 'typing:start', payloads: malformedObject({ room }) },
  { event: 'typing:stop', payloads: malformedObject({ room }) },
  {
    event: 'poll:create',
    payloads: malformedObject({
      room,
      question: { valid: fc.constant('Lunch?'), invalid: invalidText(200) },
      options,
    }),
  },
  { event: 'poll:vote', payloads: malformedObject({ pollId: id, optionId: id }) },
  { event: 'poll:close', payloads: malformedObject({ pollId: id }) },
  { event: 'reaction:toggle', payloads: malformedObject({ room, messageId: id, emoji }) },
  { event: 'canvas:draw', payloads: malformedObject({ room, segment }) },
  { event: 'canvas:clear', payloads: malformedObject({ room }) },
];

let chat: ChatServer;
let listening: Listening;
const sockets: Socket[] = [];
let clients: FuzzClients;

async function user(url: string, nickname: string, joinTo?: string): Promise<Socket> {
  const socket = io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth: { nickname },
  });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  if (joinTo) {
    const joined = await socket.emitWithAck('room:join', { room: joinTo });
    expect(joined).toMatchObject({ ok: true });
  }
  return socket;
}

beforeAll(async () => {
  const httpServer = createServer();
  // A flood of payloads from one socket is the point here, not the rate limit.
  chat = createChatServer(httpServer, { limits: { rateLimit: { burst: 1e9, perSecond: 1e9 } } });
  listening = await listen(httpServer);
  const member = await user(listening.url, 'fuzzer', 'general');
  const observer = await user(listening.url, 'observer', 'general');
  const stranger = await user(listening.url, 'stranger');
  clients = { member, observer, stranger, probe: ['message:send', {}] };
});

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await chat?.close();
  await listening?.close();
});

describe('the library under malformed payloads', () => {
  it('covers every client→server event of the protocol', () => {
    expect(events.map((spec) => spec.event).sort()).toEqual(
      Object.keys(clientPayloadSchemas).sort(),
    );
  });

  it('answers each with a typed error, tells the observer nothing, and keeps answering', async () => {
    const counts: EventCount[] = [];
    for (const spec of events) counts.push(await fuzzEvent('@funws/chat', clients, spec));
    report('@funws/chat', counts);
    // Still a working chat: a well-formed message goes through to the observer.
    const heard = new Promise<unknown>((resolve) => clients.observer.once('message:new', resolve));
    expect(
      await clients.member.emitWithAck('message:send', { room: 'general', text: 'still here' }),
    ).toMatchObject({ ok: true });
    expect(await heard).toMatchObject({ text: 'still here' });
  });

  it('closes only the connection that sends a packet over the size limit, and serves the others', async () => {
    const greedy = await user(listening.url, 'greedy', 'general');
    const closed = new Promise<string>((resolve) => greedy.once('disconnect', resolve));
    greedy.emit('message:send', { room: 'general', text: 'x'.repeat(70 * 1024) });
    expect(await closed).toBe('transport close');
    expect(
      await clients.observer.emitWithAck('message:send', { room: 'general', text: 'unbothered' }),
    ).toMatchObject({ ok: true });
  });
});
