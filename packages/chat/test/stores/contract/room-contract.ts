import { describe, expect, it } from 'vitest';
import type { UseStores } from './describe-stores.ts';

export function roomContract(use: UseStores): void {
  describe('rooms', () => {
    it('lists the rooms in the order they were created', async () => {
      const { rooms } = (await use()).stores;
      for (const name of ['general', 'random', 'tech']) await rooms.create(name, 10);
      expect(await rooms.list()).toEqual(['general', 'random', 'tech']);
      expect(await rooms.has('random')).toBe(true);
      expect(await rooms.has('lobby')).toBe(false);
    });

    it('answers exists for a room that exists, and keeps one of it', async () => {
      const { rooms } = (await use()).stores;
      expect(await rooms.create('general', 10)).toBe('created');
      expect(await rooms.create('general', 10)).toBe('exists');
      expect(await rooms.list()).toEqual(['general']);
    });

    it('answers limit once max rooms exist, and creates nothing', async () => {
      const { rooms } = (await use()).stores;
      await rooms.create('a', 2);
      await rooms.create('b', 2);
      expect(await rooms.create('c', 2)).toBe('limit');
      expect(await rooms.create('a', 2)).toBe('exists');
      expect(await rooms.list()).toEqual(['a', 'b']);
    });

    it('takes no limit from an infinite max', async () => {
      const { rooms } = (await use()).stores;
      for (const name of ['a', 'b', 'c']) {
        expect(await rooms.create(name, Number.POSITIVE_INFINITY)).toBe('created');
      }
    });

    it('removes a room, which can then be created again, last in the list', async () => {
      const { rooms } = (await use()).stores;
      for (const name of ['a', 'b', 'c']) await rooms.create(name, 10);
      await rooms.remove('a');
      await rooms.remove('no-such-room');
      expect(await rooms.has('a')).toBe(false);
      expect(await rooms.list()).toEqual(['b', 'c']);
      expect(await rooms.create('a', 10)).toBe('created');
      expect(await rooms.list()).toEqual(['b', 'c', 'a']);
    });
  });
}
