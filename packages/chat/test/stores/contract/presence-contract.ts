import { describe, expect, it } from 'vitest';
import type { UseStores } from './describe-stores.ts';
import { member } from './samples.ts';

export function presenceContract(use: UseStores): void {
  describe('presence', () => {
    it('joins a user with their first socket and not again with a second tab', async () => {
      const { presence } = (await use()).stores;
      const ada = member('u-ada', 'ada');
      expect(await presence.add('general', ada)).toEqual({ member: ada, joined: true });
      const later = { ...ada, joinedAt: '2030-01-01T00:00:00.000Z' };
      expect(await presence.add('general', later)).toEqual({ member: ada, joined: false });
      expect(await presence.members('general')).toEqual([ada]);
      expect(await presence.count('general')).toBe(1);
    });

    it('lets a user leave with their last socket only', async () => {
      const { presence } = (await use()).stores;
      const ada = member('u-ada');
      await presence.add('general', ada);
      await presence.add('general', ada);
      expect(await presence.remove('general', 'u-ada')).toBe(false);
      expect(await presence.count('general')).toBe(1);
      expect(await presence.remove('general', 'u-ada')).toBe(true);
      expect(await presence.members('general')).toEqual([]);
      expect(await presence.remove('general', 'u-ada')).toBe(false);
    });

    it('lists the members of each room in the order they joined', async () => {
      const { presence } = (await use()).stores;
      const [ada, bob, cy] = [member('u-ada'), member('u-bob'), member('u-cy')];
      await presence.add('general', bob);
      await presence.add('general', ada);
      await presence.add('random', cy);
      expect(await presence.members('general')).toEqual([bob, ada]);
      expect(await presence.members('random')).toEqual([cy]);
      expect(await presence.count('general')).toBe(2);
      expect(await presence.count('empty')).toBe(0);
    });
  });
}
