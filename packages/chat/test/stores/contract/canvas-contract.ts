import { describe, expect, it } from 'vitest';
import type { UseStores } from './describe-stores.ts';
import { stroke } from './samples.ts';

export function canvasContract(use: UseStores): void {
  describe('canvas', () => {
    it('answers the strokes of a room, oldest first, as drawn', async () => {
      const { canvas } = (await use()).stores;
      const drawn = [stroke(0.1), stroke(0.2, 'u-bob'), stroke(0.3)];
      for (const each of drawn) await canvas.append('general', each, 100);
      expect(await canvas.list('general')).toEqual(drawn);
      expect(await canvas.list('random')).toEqual([]);
    });

    it('drops the oldest strokes past the bound', async () => {
      const { canvas } = (await use()).stores;
      const drawn = [0.1, 0.2, 0.3, 0.4, 0.5].map((x) => stroke(x));
      for (const each of drawn) await canvas.append('general', each, 2);
      expect(await canvas.list('general')).toEqual(drawn.slice(3));
    });

    it('clears the canvas of one room and keeps the others', async () => {
      const { canvas } = (await use()).stores;
      const kept = stroke(0.9);
      await canvas.append('general', stroke(0.1), 100);
      await canvas.append('random', kept, 100);
      await canvas.clear('general');
      expect(await canvas.list('general')).toEqual([]);
      expect(await canvas.list('random')).toEqual([kept]);
    });
  });
}
