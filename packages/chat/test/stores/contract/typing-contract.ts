import { describe, expect, it } from 'vitest';
import type { UseStores } from './describe-stores.ts';

const t0 = 1_800_000_000_000;

export function typingContract(use: UseStores): void {
  describe('typing', () => {
    it('lists typists in the order they started, and a refresh changes nothing', async () => {
      const { typing } = (await use()).stores;
      expect(await typing.start('general', 'u-bob', t0 + 5000, t0)).toBe(true);
      expect(await typing.start('general', 'u-ada', t0 + 5000, t0)).toBe(true);
      expect(await typing.start('general', 'u-bob', t0 + 6000, t0 + 1000)).toBe(false);
      expect(await typing.start('random', 'u-cy', t0 + 5000, t0)).toBe(true);
      expect(await typing.typists('general', t0 + 1000)).toEqual(['u-bob', 'u-ada']);
      expect(await typing.typists('random', t0)).toEqual(['u-cy']);
      expect(await typing.typists('empty', t0)).toEqual([]);
    });

    it('leaves out typists whose expiry has passed, who then start afresh, last', async () => {
      const { typing } = (await use()).stores;
      await typing.start('general', 'u-ada', t0 + 1000, t0);
      await typing.start('general', 'u-bob', t0 + 5000, t0);
      expect(await typing.typists('general', t0 + 1000)).toEqual(['u-bob']);
      expect(await typing.start('general', 'u-ada', t0 + 7000, t0 + 2000)).toBe(true);
      expect(await typing.typists('general', t0 + 2000)).toEqual(['u-bob', 'u-ada']);
    });

    it('forgets a typist on stop, and answers whether they were listed', async () => {
      const { typing } = (await use()).stores;
      await typing.start('general', 'u-ada', t0 + 5000, t0);
      expect(await typing.stop('general', 'u-ada')).toBe(true);
      expect(await typing.stop('general', 'u-ada')).toBe(false);
      expect(await typing.stop('random', 'u-nobody')).toBe(false);
      expect(await typing.typists('general', t0)).toEqual([]);
    });

    it('keeps a typist whose expiry a later start pushed past an expiring timer', async () => {
      const { typing } = (await use()).stores;
      await typing.start('general', 'u-ada', t0 + 5000, t0);
      await typing.start('general', 'u-ada', t0 + 8000, t0 + 3000);
      expect(await typing.stop('general', 'u-ada', t0 + 5000)).toBe(false);
      expect(await typing.typists('general', t0 + 6000)).toEqual(['u-ada']);
      expect(await typing.stop('general', 'u-ada', t0 + 8000)).toBe(true);
      expect(await typing.typists('general', t0 + 6000)).toEqual([]);
    });
  });
}
