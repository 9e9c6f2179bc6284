import { describe, expect, it } from 'vitest';
import type { UseStores } from './describe-stores.ts';

export function onlineContract(use: UseStores): void {
  describe('online users', () => {
    it('gives a nickname to one connected user at a time, whatever its case or width', async () => {
      const { online } = (await use()).stores;
      const ada = { userId: 'u-ada', nickname: 'Ada' };
      expect(await online.connect(ada)).toEqual({ ok: true, user: ada });
      expect(await online.connect({ userId: 'u-2', nickname: 'ada' })).toEqual({
        ok: false,
        reason: 'taken',
      });
      expect(await online.connect({ userId: 'u-3', nickname: 'ＡＤＡ' })).toEqual({
        ok: false,
        reason: 'taken',
      });
      expect(await online.get('u-ada')).toEqual(ada);
      expect(await online.get('u-2')).toBeUndefined();
    });

    it('keeps the nickname a user holds for their later sockets', async () => {
      const { online } = (await use()).stores;
      await online.connect({ userId: 'u-ada', nickname: 'ada' });
      expect(await online.connect({ userId: 'u-ada', nickname: 'another' })).toEqual({
        ok: true,
        user: { userId: 'u-ada', nickname: 'ada' },
      });
    });

    it('frees the nickname with the user’s last socket', async () => {
      const { online } = (await use()).stores;
      await online.connect({ userId: 'u-ada', nickname: 'ada' });
      await online.connect({ userId: 'u-ada', nickname: 'ada' });
      expect(await online.disconnect('u-ada')).toBe(false);
      expect(await online.connect({ userId: 'u-bob', nickname: 'ada' })).toMatchObject({
        ok: false,
      });
      expect(await online.disconnect('u-ada')).toBe(true);
      expect(await online.get('u-ada')).toBeUndefined();
      expect(await online.connect({ userId: 'u-bob', nickname: 'ada' })).toMatchObject({
        ok: true,
      });
      expect(await online.disconnect('u-nobody')).toBe(false);
    });
  });
}
