import { describe, expect, it } from 'vitest';
import type { UseStores } from './describe-stores.ts';

export function sessionContract(use: UseStores): void {
  describe('sessions', () => {
    it('answers the user behind a token hash, and nobody for an unknown one', async () => {
      const { sessions } = (await use()).stores;
      await sessions.set('hash-ada', { userId: 'u-ada', nickname: 'ada' });
      expect(await sessions.get('hash-ada')).toEqual({ userId: 'u-ada', nickname: 'ada' });
      expect(await sessions.get('hash-nobody')).toBeUndefined();
    });

    it('refreshes the user behind a token hash', async () => {
      const { sessions } = (await use()).stores;
      await sessions.set('hash-ada', { userId: 'u-ada', nickname: 'ada' });
      await sessions.set('hash-ada', { userId: 'u-ada', nickname: 'Ada L.' });
      expect(await sessions.get('hash-ada')).toEqual({ userId: 'u-ada', nickname: 'Ada L.' });
    });

    it('keeps a copy: changing the stored object afterwards changes nothing', async () => {
      const { sessions } = (await use()).stores;
      const user = { userId: 'u-ada', nickname: 'ada' };
      await sessions.set('hash-ada', user);
      user.nickname = 'changed';
      expect(await sessions.get('hash-ada')).toEqual({ userId: 'u-ada', nickname: 'ada' });
    });

    it('forgets the least recently used session past its bound', async () => {
      const { sessions } = (await use({ maxSessions: 3 })).stores;
      for (const name of ['a', 'b', 'c', 'd']) {
        await sessions.set(`hash-${name}`, { userId: `u-${name}`, nickname: name });
      }
      expect(await sessions.get('hash-a')).toBeUndefined();
      for (const name of ['b', 'c', 'd']) {
        expect(await sessions.get(`hash-${name}`)).toEqual({ userId: `u-${name}`, nickname: name });
      }
    });

    it('counts reading a session as using it', async () => {
      const { sessions } = (await use({ maxSessions: 3 })).stores;
      for (const name of ['a', 'b', 'c']) {
        await sessions.set(`hash-${name}`, { userId: `u-${name}`, nickname: name });
      }
      await sessions.get('hash-a');
      await sessions.set('hash-d', { userId: 'u-d', nickname: 'd' });
      expect(await sessions.get('hash-b')).toBeUndefined();
      expect(await sessions.get('hash-a')).toEqual({ userId: 'u-a', nickname: 'a' });
    });
  });
}
