// canvas_draw / canvas_update / canvas_history / clear_canvas: segments (not dots),
// checked coordinates, and a bounded history for late joiners.
import { expectNoEvent, nextEvent } from '@funws/testkit';
import { describe, expect, it } from 'vitest';
import { CANVAS_HISTORY_LIMIT, type Segment, type Stroke } from '../src/protocol.ts';
import { type Client, connectClient, joinAs, useApp } from './helpers.ts';

const segment: Segment = {
  from: { x: 0, y: 0.5 },
  to: { x: 1, y: 0.5 },
  color: '#123abc',
  width: 2,
};

function emitRaw(socket: Client, event: string, payload: unknown) {
  // biome-ignore lint/suspicious/noExplicitAny: deliberately bypassing the event map
  return (socket as any).emitWithAck(event, payload) as Promise<unknown>;
}

async function lateJoinerStrokes(url: string): Promise<Stroke[]> {
  const socket = await connectClient(url);
  const history = nextEvent<{ strokes: Stroke[] }>(socket, 'canvas_history');
  await socket.emitWithAck('join_chat', { nickname: `late-${Math.random()}`.slice(0, 20) });
  return (await history).strokes;
}

// Some tests here send more events than one browser tab may (the rate limit), on purpose.
const floodable = { rateLimit: { burst: 10_000, perSecond: 10_000 } };

describe('canvas_draw', () => {
  const running = useApp(floodable);

  it('refuses segments outside 0..1, non-numbers, bad colours and widths, and relays none', async () => {
    const alice = await joinAs(running().url, 'alice');
    const bob = await joinAs(running().url, 'bob');
    const bobSeesNothing = expectNoEvent(bob, 'canvas_update');
    const bad: unknown[] = [
      undefined,
      null,
      { ...segment, from: { x: -0.1, y: 0 } },
      { ...segment, to: { x: 0.5, y: 1.01 } },
      { ...segment, to: { x: '0.5', y: 0.5 } },
      { ...segment, from: { x: Number.NaN, y: 0 } },
      { ...segment, to: undefined },
      { ...segment, color: 'red' },
      { ...segment, color: '#12345g' },
      { ...segment, color: 'url(javascript:alert(1))' },
      { ...segment, width: 0 },
      { ...segment, width: 41 },
      { ...segment, width: '3' },
      { from: segment.from, to: segment.to, color: segment.color },
    ];
    for (const payload of bad) {
      const ack = await emitRaw(alice, 'canvas_draw', payload);
      expect(ack, JSON.stringify(payload)).toMatchObject({
        ok: false,
        error: { code: 'segment_invalid' },
      });
    }
    await bobSeesNothing;
    expect(await lateJoinerStrokes(running().url)).toEqual([]);
  });

  it('keeps only the checked fields of a segment', async () => {
    const alice = await joinAs(running().url, 'alice');
    const bob = await joinAs(running().url, 'bob');
    const bobGets = nextEvent<Stroke>(bob, 'canvas_update');
    await emitRaw(alice, 'canvas_draw', { ...segment, userId: 'someone-else', extra: '<b>' });
    const stroke = await bobGets;
    expect(Object.keys(stroke).sort()).toEqual(['color', 'from', 'to', 'userId', 'width']);
    expect(stroke.userId).not.toBe('someone-else');
  });

  it('refuses drawing before joining', async () => {
    const stranger = await connectClient(running().url);
    const ack = await stranger.emitWithAck('canvas_draw', segment);
    expect(ack).toMatchObject({ ok: false, error: { code: 'not_joined' } });
  });

  it('remembers at most the last segments for late joiners', async () => {
    const alice = await joinAs(running().url, 'alice');
    const total = CANVAS_HISTORY_LIMIT + 10;
    for (let index = 0; index < total; index += 1) {
      // No ack: this is how the browser sends segments while you draw.
      alice.emit('canvas_draw', { ...segment, width: (index % 40) + 1 });
    }
    await alice.emitWithAck('send_message', { text: 'done drawing' }); // all processed by now
    const strokes = await lateJoinerStrokes(running().url);
    expect(strokes).toHaveLength(CANVAS_HISTORY_LIMIT);
    expect(strokes[0]?.width, 'the oldest 10 were dropped').toBe(11);
  });
});

describe('clear_canvas', () => {
  const running = useApp();

  it('tells everyone who cleared it, and empties the history', async () => {
    const alice = await joinAs(running().url, 'alice');
    const bob = await joinAs(running().url, 'bob');
    await alice.emitWithAck('canvas_draw', segment);
    const [forAlice, forBob] = [
      nextEvent<{ by: string }>(alice, 'canvas_cleared'),
      nextEvent<{ by: string }>(bob, 'canvas_cleared'),
    ];
    expect(await bob.emitWithAck('clear_canvas')).toEqual({ ok: true });
    expect(await forAlice).toEqual({ by: 'bob' });
    expect(await forBob).toEqual({ by: 'bob' });
    expect(await lateJoinerStrokes(running().url)).toEqual([]);
  });

  it('clears and answers the sender whether it sends no payload or any payload', async () => {
    const alice = await joinAs(running().url, 'alice');
    const bob = await joinAs(running().url, 'bob');
    // biome-ignore lint/suspicious/noExplicitAny: a client may send any arguments it likes
    const raw = alice as any;
    for (const payload of [[], [{}], ['anything'], [{ by: 'mallory' }], [null]]) {
      await alice.emitWithAck('canvas_draw', segment);
      const cleared = nextEvent<{ by: string }>(bob, 'canvas_cleared');
      const ack = await raw.emitWithAck('clear_canvas', ...payload);
      expect(ack, `clear_canvas with ${JSON.stringify(payload)}`).toEqual({ ok: true });
      // The server's record of who cleared it, never the payload's word.
      expect(await cleared).toEqual({ by: 'alice' });
      expect(await lateJoinerStrokes(running().url)).toEqual([]);
    }
  });

  it('clears without an ack too, with or without a payload', async () => {
    const alice = await joinAs(running().url, 'alice');
    const bob = await joinAs(running().url, 'bob');
    // biome-ignore lint/suspicious/noExplicitAny: a client may send any arguments it likes
    const raw = alice as any;
    for (const payload of [[], [{ any: 'payload' }]]) {
      const cleared = nextEvent<{ by: string }>(bob, 'canvas_cleared');
      raw.emit('clear_canvas', ...payload);
      expect(await cleared).toEqual({ by: 'alice' });
    }
  });

  it('refuses extra arguments with invalid_payload, and clears nothing', async () => {
    const alice = await joinAs(running().url, 'alice');
    const bob = await joinAs(running().url, 'bob');
    await alice.emitWithAck('canvas_draw', segment);
    const bobHearsNothing = expectNoEvent(bob, 'canvas_cleared');
    // biome-ignore lint/suspicious/noExplicitAny: a client may send any arguments it likes
    const ack = await (alice as any).emitWithAck('clear_canvas', {}, 'extra');
    expect(ack).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    await bobHearsNothing;
    expect(await lateJoinerStrokes(running().url)).toHaveLength(1);
  });

  it('refuses clearing before joining', async () => {
    await joinAs(running().url, 'alice');
    const stranger = await connectClient(running().url);
    const ack = await stranger.emitWithAck('clear_canvas');
    expect(ack).toMatchObject({ ok: false, error: { code: 'not_joined' } });
  });
});
