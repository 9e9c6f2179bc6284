import { CANVAS_HISTORY_LIMIT, type Point, type Segment } from '../protocol.ts';

/**
 * The part of a canvas 2D context that drawing a segment needs. Naming just
 * these makes `drawSegment` easy to test with a fake that records the calls.
 */
export type Pen2D = Pick<
  CanvasRenderingContext2D,
  'beginPath' | 'moveTo' | 'lineTo' | 'stroke' | 'strokeStyle' | 'lineWidth' | 'lineCap'
>;

/** A canvas's size in CSS pixels. */
export interface Size {
  width: number;
  height: number;
}

/**
 * Draws one segment as a straight line. Coordinates travel as 0..1 (a fraction
 * of the width and height), so a phone and a wide screen agree where a line is;
 * each browser multiplies by its own canvas size here.
 *
 * The original drew a dot at each point it received: the browser sent only
 * the current point, never where the line came from. A segment carries both ends.
 */
export function drawSegment(context: Pen2D, segment: Segment, size: Size): void {
  // TODO(step 5): Draw the segment as a line from its start to its end, scaled to the canvas
}

/** Clears the canvas and draws every segment again, e.g. after a resize. */
export function redraw(
  context: Pen2D & Pick<CanvasRenderingContext2D, 'clearRect'>,
  segments: readonly Segment[],
  size: Size,
): void {
  context.clearRect(0, 0, size.width, size.height);
  for (const segment of segments) drawSegment(context, segment, size);
}

/**
 * Where a pointer is on the canvas, as 0..1 fractions. Clamped, because a
 * captured pointer keeps reporting positions after it leaves the canvas.
 */
export function toUnitPoint(clientX: number, clientY: number, box: DOMRectReadOnly): Point {
  const clamp = (value: number) => Math.min(1, Math.max(0, value));
  return {
    x: clamp((clientX - box.left) / (box.width || 1)),
    y: clamp((clientY - box.top) / (box.height || 1)),
  };
}

/**
 * Makes the canvas's pixel buffer match its size on screen (times the device's
 * pixel ratio, so lines stay sharp on high-density screens), and returns the
 * size in CSS pixels to draw with. Resizing a canvas erases it: redraw after.
 */
export function fitCanvas(canvas: HTMLCanvasElement, context: CanvasRenderingContext2D): Size {
  const ratio = window.devicePixelRatio || 1;
  const width = canvas.clientWidth;
  const height = canvas.clientHeight;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  context.setTransform(ratio, 0, 0, ratio, 0, 0); // draw in CSS pixels from now on
  return { width, height };
}

/** What {@link createPen} reports: the two ends of a piece of line. */
export type Stretch = Pick<Segment, 'from' | 'to'>;

/**
 * Turns pointer positions into segments, at most one every `intervalMs`.
 * A pointer fires `pointermove` 60–120 times a second; sending each one would
 * flood the server and every other browser. Points in between are not lost:
 * the next segment starts where the last one ended, so the line stays whole.
 *
 * @example
 * const pen = createPen((stretch) => send({ ...stretch, color, width }));
 * pen.down(point); pen.move(point); pen.up();
 */
export function createPen(
  send: (stretch: Stretch) => void,
  { intervalMs = 30, now = () => performance.now() } = {},
) {
  let last: Point | undefined; // where the line we are drawing has got to
  let pending: Point | undefined; // the newest position, not sent yet
  let moved = false;
  let sentAt = 0;

  const flush = () => {
    if (!last || !pending) return;
    send({ from: last, to: pending });
    last = pending;
    pending = undefined;
    sentAt = now();
  };

  return {
    down(point: Point) {
      last = point;
      pending = undefined;
      moved = false;
      sentAt = now();
    },
    move(point: Point) {
      if (!last) return; // moving without a pressed button: not drawing
      pending = point;
      moved = true;
      if (now() - sentAt >= intervalMs) flush();
    },
    up() {
      // A tap without moving: a segment from the point to itself draws a dot.
      if (last && !moved) pending = last;
      flush();
      last = undefined;
    },
  };
}

/** What {@link attachCanvas} needs from the page. */
export interface CanvasOptions {
  /** The colour and width the user picked, read at each segment. */
  style(): Pick<Segment, 'color' | 'width'>;
  /** Called with each segment the user draws (main.ts sends it to the server). */
  send(segment: Segment): void;
}

/**
 * Makes a `<canvas>` a shared drawing surface: draws what the user does with
 * mouse, pen or finger (pointer events cover all three), reports each segment
 * through `options.send`, and keeps every segment so it can redraw the picture
 * when the canvas changes size. Returns what main.ts needs for the segments
 * that come from the server.
 */
export function attachCanvas(canvas: HTMLCanvasElement, options: CanvasOptions) {
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw on a <canvas>.');
  let size = fitCanvas(canvas, context);
  const segments: Segment[] = [];

  const draw = (segment: Segment) => {
    segments.push(segment);
    if (segments.length > CANVAS_HISTORY_LIMIT) segments.shift();
    drawSegment(context, segment, size);
  };

  // Our own lines are drawn here, straight away, exactly as the others will
  // draw them from `canvas_update`.
  const pen = createPen((stretch) => {
    const segment: Segment = { ...stretch, ...options.style() };
    draw(segment);
    options.send(segment);
  });
  const pointAt = (event: PointerEvent) =>
    toUnitPoint(event.clientX, event.clientY, canvas.getBoundingClientRect());

  canvas.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) return; // main button, finger or pen tip only
    event.preventDefault(); // no text selection while dragging across the page
    // Keep receiving this pointer's moves even if it leaves the canvas.
    canvas.setPointerCapture(event.pointerId);
    pen.down(pointAt(event));
  });
  canvas.addEventListener('pointermove', (event) => pen.move(pointAt(event)));
  canvas.addEventListener('pointerup', () => pen.up());
  canvas.addEventListener('pointercancel', () => pen.up());

  // A new size (a rotated phone, an opened panel) erases the canvas: draw it all again.
  new ResizeObserver(() => {
    size = fitCanvas(canvas, context);
    redraw(context, segments, size);
  }).observe(canvas);

  return {
    /** Draws a segment someone else drew. */
    add: draw,
    /** Replaces the whole picture, e.g. with the history sent on joining. */
    replace(all: readonly Segment[]) {
      segments.splice(0, segments.length, ...all.slice(-CANVAS_HISTORY_LIMIT));
      redraw(context, segments, size);
    },
    /** Wipes the picture. */
    clear() {
      segments.length = 0;
      redraw(context, segments, size);
    },
  };
}
