// Goal: `canvas_draw` carries a whole segment (from → to), so the others can draw
// a line and not a dot. The server relays it as `canvas_update`, with the drawer's
// user id, to everyone EXCEPT the drawer (who already has it on screen).
import { disconnectAll, expectNoEvent, nextEvent, startApp } from '@funws/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import type { Stroke } from '../src/protocol.ts';
import { ACK_TIMEOUT_MS, joinAs } from './helpers.ts';

describe('step 3: relay canvas segments to the others', () => {
  let running: Awaited<ReturnType<typeof startApp>>;
  beforeEach(async () => {
    running = await startApp(createApp);
  });
  afterEach(async () => {
    disconnectAll();
    await running.close();
  });

  it('sends the segment to everyone but the drawer', async () => {
    const alice = await joinAs(running.url, 'alice');
    const bob = await joinAs(running.url, 'bob');
    const carol = await joinAs(running.url, 'carol');
    const segment = {
      from: { x: 0.1, y: 0.2 },
      to: { x: 0.5, y: 0.6 },
      color: '#ff0000',
      width: 4,
    };

    const drawn = alice.timeout(ACK_TIMEOUT_MS).emitWithAck('canvas_draw', segment);
    const aliceGetsNothing = expectNoEvent(alice, 'canvas_update', { after: drawn }).catch(
      (error: Error) => {
        throw new Error(
          `${error.message}\nAlice drew it and has it on screen already: socket.broadcast.emit leaves her out.`,
        );
      },
    );
    const wait = (name: string, socket: typeof bob) =>
      nextEvent<Stroke>(socket, 'canvas_update', { after: drawn }).catch(() => {
        throw new Error(
          `${name} expected a canvas_update after Alice drew. In the canvas_draw handler ` +
            '(src/app.ts), relay the stroke to every other socket (socket.broadcast).',
        );
      });
    const bobGets = wait('Bob', bob);
    const carolGets = wait('Carol', carol);
    expect(await drawn).toEqual({ ok: true });

    const stroke = await bobGets;
    expect(stroke, 'the whole segment arrives: from AND to').toMatchObject(segment);
    expect(stroke.userId, 'the stroke says who drew it').toMatch(/^[0-9a-f-]{36}$/);
    expect(await carolGets).toEqual(stroke);
    await aliceGetsNothing;
  });
});
