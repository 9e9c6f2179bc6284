import { expectNoEvent, nextEvent } from '@funws/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import type { CanvasSegment } from '../../src/protocol/index.ts';
import {
  cleanUp,
  connectUser,
  expectOk,
  expectRefused,
  joinRoom,
  member,
  request,
  startChat,
} from './helpers.ts';

afterEach(cleanUp);

const segment = (x: number): CanvasSegment => ({
  from: { x, y: 0.5 },
  to: { x: x + 0.01, y: 0.5 },
  color: '#ff8800',
  width: 4,
});

describe('canvas', () => {
  it('relays a segment to the others in the room, not back to the drawing socket', async () => {
    const { url } = await startChat();
    const ada = await member(url, 'ada');
    const adaTab2 = await connectUser(url, 'ada', { token: ada.session.token });
    await joinRoom(adaTab2);
    const grace = await member(url, 'grace');
    const atGrace = nextEvent(grace.socket, 'canvas:segment');
    const atTab2 = nextEvent(adaTab2.socket, 'canvas:segment');
    const notBack = expectNoEvent(ada.socket, 'canvas:segment');
    expect(
      await request(ada.socket, 'canvas:draw', { room: 'general', segment: segment(0.1) }),
    ).toEqual({
      ok: true,
    });
    const expected = { room: 'general', stroke: { ...segment(0.1), userId: ada.session.userId } };
    expect(await atGrace).toEqual(expected);
    expect(await atTab2).toEqual(expected);
    await notBack;
  });

  it('shows a late joiner the canvas so far, bounded to the most recent segments', async () => {
    const { url } = await startChat({ limits: { canvasSegmentsPerRoom: 3 } });
    const ada = await member(url, 'ada');
    for (const x of [0.1, 0.2, 0.3, 0.4]) {
      expectOk(await request(ada.socket, 'canvas:draw', { room: 'general', segment: segment(x) }));
    }
    const late = await connectUser(url, 'late');
    const { canvas } = await joinRoom(late);
    expect(canvas.map((stroke) => stroke.from.x)).toEqual([0.2, 0.3, 0.4]);
    expect(canvas.every((stroke) => stroke.userId === ada.session.userId)).toBe(true);
  });

  it('clears the canvas for everyone in the room, the clearer included', async () => {
    const { url } = await startChat();
    const ada = await member(url, 'ada');
    const grace = await member(url, 'grace');
    await request(ada.socket, 'canvas:draw', { room: 'general', segment: segment(0.1) });
    const atGrace = nextEvent(grace.socket, 'canvas:cleared');
    const atAda = nextEvent(ada.socket, 'canvas:cleared');
    expectOk(await request(grace.socket, 'canvas:clear', { room: 'general' }));
    const cleared = { room: 'general', by: grace.session.userId };
    expect(await atGrace).toEqual(cleared);
    expect(await atAda).toEqual(cleared);
    const late = await connectUser(url, 'late');
    expect((await joinRoom(late)).canvas).toEqual([]);
  });

  it('refuses drawing and clearing in a room the socket is not in, and off-canvas segments', async () => {
    const { url } = await startChat({ rooms: ['general', 'random'] });
    const ada = await member(url, 'ada');
    const grace = await member(url, 'grace', 'random');
    const quiet = expectNoEvent(grace.socket, 'canvas:segment');
    expectRefused(
      await request(ada.socket, 'canvas:draw', { room: 'random', segment: segment(0.1) }),
      'not_in_room',
    );
    expectRefused(await request(ada.socket, 'canvas:clear', { room: 'random' }), 'not_in_room');
    expectRefused(
      await request(ada.socket, 'canvas:draw', {
        room: 'general',
        segment: { ...segment(0.1), to: { x: 2, y: 0 }, color: 'red' },
      }),
      'invalid_payload',
    );
    await quiet;
  });
});
