// Bad input never crashes the server and never reaches anyone else: missing fields,
// wrong types, no acknowledgement callback, or something that is not a function.
// (The original raised an exception in the handler when a field was missing.)
import { connect, expectNoEvent, nextEvent } from '@funws/testkit';
import { describe, expect, it } from 'vitest';
import type { Message, Poll } from '../src/protocol.ts';
import { type Client, connectClient, createPoll, joinAs, useApp } from './helpers.ts';

function emitRaw(socket: Client, event: string, ...args: unknown[]) {
  // biome-ignore lint/suspicious/noExplicitAny: deliberately bypassing the event map
  return (socket as any).emitWithAck(event, ...args) as Promise<unknown>;
}

const notObjects: unknown[] = [undefined, null, 42, 'text', []];
const invalid = { ok: false, error: { code: 'invalid_payload' } };

describe('payload validation', () => {
  const running = useApp();

  it('answers every event with missing or wrongly typed fields with an error ack', async () => {
    const fresh = await connectClient(running().url);
    for (const payload of [...notObjects, {}, { nickname: 1 }]) {
      expect(await emitRaw(fresh, 'join_chat', payload)).toMatchObject({
        ok: false,
        error: { code: 'nickname_invalid' },
      });
    }
    const alice = await joinAs(running().url, 'alice');
    const cases: [string, unknown[]][] = [
      ['send_message', [...notObjects, {}, { text: 1 }]],
      [
        'create_poll',
        [
          ...notObjects,
          {},
          { question: 'q' },
          { question: 'q', options: 'a,b' },
          { question: 'q', options: ['a', 2] },
        ],
      ],
      [
        'vote_poll',
        [...notObjects, {}, { poll_id: 'p' }, { option_id: 'o' }, { poll_id: 1, option_id: 2 }],
      ],
      ['add_reaction', [...notObjects, {}, { emoji: '👍' }, { message_id: 7, emoji: '👍' }]],
    ];
    for (const [event, payloads] of cases) {
      for (const payload of payloads) {
        const ack = await emitRaw(alice, event, payload);
        expect(ack, `${event} ${JSON.stringify(payload)}`).toMatchObject(invalid);
      }
    }
  });

  it('keeps working when events come without an ack, or with an ack that is not a function', async () => {
    const alice = await joinAs(running().url, 'alice');
    const bob = await joinAs(running().url, 'bob');
    // biome-ignore lint/suspicious/noExplicitAny: a hostile client sends whatever it likes
    const raw = alice as any;
    raw.emit('send_message', { text: '' });
    raw.emit('create_poll', { question: '', options: [] });
    raw.emit('vote_poll', { poll_id: 'x', option_id: 'y' });
    raw.emit('add_reaction', { message_id: 'x', emoji: '👍' });
    raw.emit('clear_canvas');
    raw.emit('clear_canvas', 'not a function');
    raw.emit('canvas_draw', 'garbage', 42);
    raw.emit('send_message', { text: 'still fine' }, 'not a function');
    const message = await nextEvent<Message>(bob, 'new_message');
    expect(message.text).toBe('still fine');
    expect((await alice.emitWithAck('send_message', { text: 'again' })).ok).toBe(true);
  });

  it('refuses voting and reacting before joining', async () => {
    const alice = await joinAs(running().url, 'alice');
    const poll: Poll = await createPoll(alice, 'Q?', ['A', 'B']);
    const stranger = await connectClient(running().url);
    const aliceSeesNothing = expectNoEvent(alice, 'poll_updated');
    const vote = await stranger.emitWithAck('vote_poll', {
      poll_id: poll.id,
      option_id: poll.options[0]?.id ?? '',
    });
    expect(vote).toMatchObject({ ok: false, error: { code: 'not_joined' } });
    const react = await stranger.emitWithAck('add_reaction', { message_id: 'x', emoji: '👍' });
    expect(react).toMatchObject({ ok: false, error: { code: 'not_joined' } });
    await aliceSeesNothing;
  });

  it('passes user text through as plain data: escaping is the page’s job', async () => {
    const payload = '<img src=x onerror=alert(1)>';
    const alice = await joinAs(running().url, `<b>${'a'.repeat(5)}</b>`);
    const bob = await joinAs(running().url, 'bob');
    const pollSeen = nextEvent<Poll>(bob, 'new_poll');
    await createPoll(alice, payload, [payload, '<script>alert(1)</script>']);
    const poll = await pollSeen;
    expect(poll.question).toBe(payload);
    expect(poll.options.map((option) => option.text)).toEqual([
      payload,
      '<script>alert(1)</script>',
    ]);
    expect(poll.creator).toBe('<b>aaaaa</b>');
  });
});

describe('origin check', () => {
  const running = useApp();

  it('refuses a socket opened by a page from another website', async () => {
    // (The original used cors_allowed_origins="*": any website could connect.)
    const foreign = connect(running().url, {
      transports: ['polling'],
      extraHeaders: { origin: 'http://evil.example' },
    });
    await expect(foreign).rejects.toThrow(/Could not connect/);
  });
});
