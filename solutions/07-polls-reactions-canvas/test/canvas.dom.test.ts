// @vitest-environment happy-dom
// The canvas helpers without a real canvas: pointer positions as 0..1, redrawing
// from history, and the pen that throttles segments without breaking the line.
import { describe, expect, it } from 'vitest';
import { createPen, type Pen2D, redraw, type Stretch, toUnitPoint } from '../src/client/canvas.ts';

describe('toUnitPoint', () => {
  const box = { left: 10, top: 20, width: 200, height: 100 } as DOMRectReadOnly;

  it('turns a pointer position into fractions of the canvas', () => {
    expect(toUnitPoint(110, 45, box)).toEqual({ x: 0.5, y: 0.25 });
  });

  it('clamps positions outside the canvas to 0..1', () => {
    expect(toUnitPoint(-50, 500, box)).toEqual({ x: 0, y: 1 });
  });
});

describe('redraw', () => {
  it('clears the canvas, then draws every stored segment', () => {
    const calls: string[] = [];
    const pen: Pen2D & { clearRect: CanvasRenderingContext2D['clearRect'] } = {
      strokeStyle: '',
      lineWidth: 0,
      lineCap: 'butt',
      clearRect: (x, y, w, h) => calls.push(`clear ${x},${y},${w},${h}`),
      beginPath: () => {},
      moveTo: () => {},
      lineTo: (x: number, y: number) => calls.push(`line to ${x},${y}`),
      stroke: () => {},
    };
    const segment = (x: number) => ({
      from: { x: 0, y: 0 },
      to: { x, y: 1 },
      color: '#000000',
      width: 2,
    });
    redraw(pen, [segment(0.5), segment(1)], { width: 100, height: 50 });
    expect(calls).toEqual(['clear 0,0,100,50', 'line to 50,50', 'line to 100,50']);
  });
});

describe('createPen', () => {
  function setup() {
    let time = 0;
    const sent: Stretch[] = [];
    const pen = createPen((stretch) => sent.push(stretch), { intervalMs: 30, now: () => time });
    return { pen, sent, tick: (ms: number) => (time += ms) };
  }
  const p = (x: number) => ({ x, y: 0 });

  it('sends at most one segment per interval, each starting where the last one ended', () => {
    const { pen, sent, tick } = setup();
    pen.down(p(0));
    for (const x of [0.1, 0.2, 0.3]) {
      tick(5);
      pen.move(p(x));
    }
    expect(sent, 'within 30 ms: nothing sent yet').toEqual([]);
    tick(15);
    pen.move(p(0.4));
    tick(40);
    pen.move(p(0.5));
    pen.move(p(0.6));
    pen.up();
    expect(sent).toEqual([
      { from: p(0), to: p(0.4) },
      { from: p(0.4), to: p(0.5) },
      { from: p(0.5), to: p(0.6) },
    ]);
  });

  it('draws a dot for a tap without moving', () => {
    const { pen, sent } = setup();
    pen.down(p(0.3));
    pen.up();
    expect(sent).toEqual([{ from: p(0.3), to: p(0.3) }]);
  });

  it('ignores moves while no button is pressed', () => {
    const { pen, sent, tick } = setup();
    tick(100);
    pen.move(p(0.5));
    pen.up();
    expect(sent).toEqual([]);
  });
});
