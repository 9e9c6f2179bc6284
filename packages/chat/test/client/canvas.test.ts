import type { CanvasSegment } from '@funws/chat/protocol';
import { describe, expect, it } from 'vitest';
import { startChat, waitForState } from './harness.ts';

const segment: CanvasSegment = {
  from: { x: 0.1, y: 0.1 },
  to: { x: 0.5, y: 0.4 },
  color: '#1e90ff',
  width: 4,
};

describe('ChatClient canvas', () => {
  it('adds a drawn segment to the drawer’s and the other member’s state', async () => {
    const chat = await startChat();
    const ada = await chat.member('ada');
    const bob = await chat.member('bob');
    const stroke = await ada.draw('general', segment);
    expect(stroke).toEqual({ ...segment, userId: ada.state.session?.userId });
    expect(ada.state.rooms.general?.canvas).toEqual([stroke]);
    await waitForState(bob, 'the segment', (state) => state.rooms.general?.canvas.length === 1);
    expect(bob.state.rooms.general?.canvas).toEqual([stroke]);
  });

  it('clears the canvas for everyone', async () => {
    const chat = await startChat();
    const ada = await chat.member('ada');
    const bob = await chat.member('bob');
    await ada.draw('general', segment);
    await waitForState(bob, 'the segment', (state) => state.rooms.general?.canvas.length === 1);
    await bob.clearCanvas('general');
    expect(bob.state.rooms.general?.canvas).toEqual([]);
    await waitForState(ada, 'an empty canvas', (state) => state.rooms.general?.canvas.length === 0);
  });

  it('gives a late joiner the canvas so far', async () => {
    const chat = await startChat();
    const ada = await chat.member('ada');
    await ada.draw('general', segment);
    const bob = await chat.member('bob');
    expect(bob.state.rooms.general?.canvas).toHaveLength(1);
  });
});
