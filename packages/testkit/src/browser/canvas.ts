import type { Page } from 'playwright-core';

/** A point on a canvas, as fractions of its width and height (0..1 each). */
export type CanvasPoint = [x: number, y: number];

/**
 * Drags the mouse across the canvas `selector` picks, through `points`, as a
 * person drawing would: press at the first, move (in small steps) through the
 * others, release at the last.
 *
 * @example
 * await drawOnCanvas(page, '#canvas', [[0.2, 0.5], [0.8, 0.5]]); // a horizontal line
 */
export async function drawOnCanvas(page: Page, selector: string, points: CanvasPoint[]) {
  const canvas = page.locator(selector);
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  if (!box) throw new Error(`The canvas ${selector} is not visible.`);
  const at = ([x, y]: CanvasPoint) => [box.x + x * box.width, box.y + y * box.height] as const;
  const [first, ...rest] = points;
  if (!first) return;
  await page.mouse.move(...at(first));
  await page.mouse.down();
  for (const point of rest) await page.mouse.move(...at(point), { steps: 5 });
  await page.mouse.up();
}

/**
 * The colour of one pixel of the canvas `selector` picks, at a {@link CanvasPoint},
 * as `[r, g, b, a]` read with `getImageData`: `a` is 0 where nothing was drawn.
 * Answers `[]` when there is no such canvas.
 *
 * @example
 * await expect.poll(() => canvasPixel(page, '#canvas', [0.5, 0.5])).toEqual([220, 38, 38, 255]);
 */
export function canvasPixel(page: Page, selector: string, [x, y]: CanvasPoint): Promise<number[]> {
  return page.evaluate(
    ({ selector, x, y }) => {
      const canvas = document.querySelector<HTMLCanvasElement>(selector);
      const context = canvas?.getContext('2d');
      if (!canvas || !context) return [];
      const column = Math.floor(x * canvas.width);
      const row = Math.floor(y * canvas.height);
      return [...context.getImageData(column, row, 1, 1).data];
    },
    { selector, x, y },
  );
}
