// Goal: `drawSegment` (src/client/canvas.ts) draws a segment as a LINE from its
// start to its end — not a dot — in its colour and width, scaling the 0..1
// coordinates to this canvas's size so every screen shows the drawing alike.
import { describe, expect, it } from 'vitest';
import { drawSegment, type Pen2D } from '../src/client/canvas.ts';

/** A stand-in for a canvas context that writes down what was drawn. */
function recordingPen() {
  const calls: string[] = [];
  const pen: Pen2D = {
    strokeStyle: '',
    lineWidth: 0,
    lineCap: 'butt',
    beginPath: () => calls.push('beginPath'),
    moveTo: (x: number, y: number) => calls.push(`moveTo ${x},${y}`),
    lineTo: (x: number, y: number) => calls.push(`lineTo ${x},${y}`),
    stroke: () => calls.push(`stroke ${pen.strokeStyle} ${pen.lineWidth}`),
  };
  return { pen, calls };
}

const where = 'in src/client/canvas.ts, drawSegment (step 5)';

describe('step 5: draw a segment as a line, scaled to the canvas', () => {
  it('moves to the start, draws a line to the end, and strokes it in the segment’s colour and width', () => {
    const { pen, calls } = recordingPen();
    const segment = {
      from: { x: 0.25, y: 0.5 },
      to: { x: 0.75, y: 1 },
      color: '#ff0000',
      width: 6,
    };
    drawSegment(pen, segment, { width: 400, height: 200 });
    expect(calls, `${where}: beginPath, moveTo(start), lineTo(end), then stroke`).toEqual([
      'beginPath',
      'moveTo 100,100',
      'lineTo 300,200',
      'stroke #ff0000 6',
    ]);
  });

  it('scales the same segment to a smaller canvas', () => {
    const { pen, calls } = recordingPen();
    const segment = { from: { x: 0, y: 0 }, to: { x: 1, y: 1 }, color: '#000000', width: 1 };
    drawSegment(pen, segment, { width: 360, height: 240 });
    expect(calls.slice(1, 3), `${where}: multiply x by the width and y by the height`).toEqual([
      'moveTo 0,0',
      'lineTo 360,240',
    ]);
  });
});
