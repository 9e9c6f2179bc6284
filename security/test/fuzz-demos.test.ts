// Demos 3–7 against malformed payloads: every client→server event, at least
// 1,000 payloads each, an observer that must receive nothing, and a server that
// must keep answering (with a typed error wherever an ack was given).

import type { DemoApp, DemoOptions } from '@funws/demo-kit';
import { createApp as demo3 } from '@funws/solution-03-first-socket';
import { createApp as demo4 } from '@funws/solution-04-broadcast-chat';
import { createApp as demo5 } from '@funws/solution-05-nicknames-presence';
import { createApp as demo6 } from '@funws/solution-06-typing-whispers-rooms';
import { createApp as demo7 } from '@funws/solution-07-polls-reactions-canvas';
import { connect, disconnectAll, type RunningApp, startApp } from '@funws/testkit';
import fc from 'fast-check';
import type { Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { type EventCount, type EventSpec, fuzzEvent, report } from './support/fuzz.ts';
import {
  type FieldSpec,
  invalidNickname,
  invalidText,
  junk,
  malformedObject,
  tooManyArguments,
} from './support/malformed.ts';

const notString = junk.filter((value) => typeof value !== 'string');
const text = (max: number): FieldSpec => ({
  valid: fc.constant('hello'),
  invalid: invalidText(max),
});
const nickname: FieldSpec = { valid: fc.constant('newcomer'), invalid: invalidNickname };
const someId: FieldSpec = {
  valid: fc.constant('no-such-id'),
  invalid: fc.oneof(notString, fc.constantFrom('', '   ')),
};
const point = { x: 0.5, y: 0.5 };
const pointField: FieldSpec = {
  valid: fc.constant(point),
  invalid: fc.oneof(
    junk,
    fc.constantFrom(
      { x: -1, y: 0 },
      { x: 0, y: 1.5 },
      { x: Number.NaN, y: 0 },
      { x: '0', y: 0 },
      {},
    ),
  ),
};

/** Demos 4–7 chat: an empty message is refused, and a real one is heard as new_message. */
const chatProbes: Pick<Target, 'probe' | 'control'> = {
  probe: ['send_message', {}],
  control: { event: 'send_message', payload: { text: 'still here' }, heard: 'new_message' },
};

interface Target {
  name: string;
  create: (options: DemoOptions) => DemoApp;
  /** How a client joins, if the demo has a join event. */
  join?: (socket: Socket, nickname: string) => Promise<unknown>;
  /** An event this demo answers with an error, broadcasting nothing. */
  probe: [string, unknown];
  /** A well-formed event the observer hears as `heard`: proof that silence was not deafness. */
  control?: { event: string; payload: unknown; heard: string };
  events: EventSpec[];
}

const joinChat = (socket: Socket, name: string) =>
  socket.emitWithAck('join_chat', { nickname: name });

const targets: Target[] = [
  {
    name: 'demo 3 (first socket)',
    create: demo3,
    probe: ['echo_message', {}],
    events: [{ event: 'echo_message', payloads: malformedObject({ message: text(500) }) }],
  },
  {
    name: 'demo 4 (broadcast chat)',
    create: demo4,
    ...chatProbes,
    events: [{ event: 'send_message', payloads: malformedObject({ text: text(500) }) }],
  },
  {
    name: 'demo 5 (nicknames and presence)',
    create: demo5,
    join: joinChat,
    ...chatProbes,
    events: [
      { event: 'join_chat', from: 'stranger', payloads: malformedObject({ nickname }) },
      { event: 'send_message', payloads: malformedObject({ text: text(500) }) },
    ],
  },
  {
    name: 'demo 6 (typing, whispers, rooms)',
    create: demo6,
    join: (socket, name) => socket.emitWithAck('join_room', { nickname: name, room: 'general' }),
    ...chatProbes,
    events: [
      {
        event: 'join_room',
        from: 'stranger',
        payloads: malformedObject({
          nickname,
          room: {
            valid: fc.constant('general'),
            invalid: fc.oneof(notString, fc.constantFrom('', 'nowhere', 'General', ' general')),
          },
        }),
      },
      {
        event: 'switch_room',
        payloads: malformedObject({
          room: {
            valid: fc.constant('general'),
            invalid: fc.oneof(notString, fc.constantFrom('', 'nowhere', 'TECH', 'tech ')),
          },
        }),
      },
      { event: 'send_message', payloads: malformedObject({ text: text(500) }) },
      {
        event: 'send_whisper',
        payloads: malformedObject({
          to: {
            valid: fc.constant('observer'),
            invalid: fc.oneof(notString, fc.constantFrom('', '  ')),
          },
          text: text(500),
        }),
      },
      { event: 'typing_start', payloads: tooManyArguments },
      { event: 'typing_stop', payloads: tooManyArguments },
    ],
  },
  {
    name: 'demo 7 (polls, reactions, canvas)',
    create: demo7,
    join: joinChat,
    ...chatProbes,
    events: [
      { event: 'join_chat', from: 'stranger', payloads: malformedObject({ nickname }) },
      { event: 'send_message', payloads: malformedObject({ text: text(500) }) },
      {
        event: 'create_poll',
        payloads: malformedObject({
          question: { valid: fc.constant('Lunch?'), invalid: invalidText(200) },
          options: {
            valid: fc.constant(['yes', 'no']),
            invalid: fc.oneof(
              notString.filter((value) => !Array.isArray(value)),
              fc.constantFrom(
                [],
                ['one'],
                ['a', 'b', 'c', 'd', 'e', 'f', 'g'],
                ['same', 'SAME'],
                ['ok', ''],
              ),
              fc.array(invalidText(80), { minLength: 2, maxLength: 6 }),
            ),
          },
        }),
      },
      { event: 'vote_poll', payloads: malformedObject({ poll_id: someId, option_id: someId }) },
      {
        event: 'add_reaction',
        payloads: malformedObject({
          message_id: someId,
          emoji: {
            valid: fc.constant('👍'),
            invalid: fc.oneof(junk, fc.constantFrom('', '💩', '👍👍')),
          },
        }),
      },
      {
        event: 'canvas_draw',
        payloads: malformedObject({
          from: pointField,
          to: pointField,
          color: {
            valid: fc.constant('#123456'),
            invalid: fc.oneof(notString, fc.constantFrom('red', '#12345', '#1234567', 'url(x)')),
          },
          width: {
            valid: fc.constant(4),
            invalid: fc.oneof(junk, fc.constantFrom(0, 41, -1, Number.POSITIVE_INFINITY, '4')),
          },
        }),
      },
      { event: 'clear_canvas', payloads: tooManyArguments },
    ],
  },
];

let running: RunningApp<DemoApp> | undefined;
afterEach(async () => {
  disconnectAll();
  await running?.close();
  running = undefined;
});

describe('demos 3–7 under malformed payloads', () => {
  it.each(targets)(
    '$name: a typed error for each, nothing for the observer, and still answering',
    async (target) => {
      // A flood of payloads from one socket is the point here, not the rate limit.
      running = await startApp((options) =>
        target.create({ ...options, rateLimit: { burst: 1e9, perSecond: 1e9 } }),
      );
      const [member, observer, stranger] = await Promise.all([
        connect(running.url),
        connect(running.url),
        connect(running.url),
      ]);
      if (target.join) {
        expect(await target.join(member, 'fuzzer')).toMatchObject({ ok: true });
        expect(await target.join(observer, 'observer')).toMatchObject({ ok: true });
      }
      const clients = { member, observer, stranger, probe: target.probe };
      const counts: EventCount[] = [];
      for (const spec of target.events) counts.push(await fuzzEvent(target.name, clients, spec));
      report(target.name, counts);
      // Still serving newcomers.
      const late = await connect(running.url);
      expect(late.connected).toBe(true);
    },
  );
});
