import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../../src/protocol/index.ts';
import type { UseStores } from './describe-stores.ts';
import { message, messages } from './samples.ts';

export function historyContract(use: UseStores): void {
  describe('history', () => {
    it('answers the last messages of a room, oldest first', async () => {
      const { history } = (await use()).stores;
      const sent = messages('general', 5);
      for (const each of sent) await history.append('general', each, 100);
      expect(await history.recent('general', 100)).toEqual(sent);
      expect(await history.recent('general', 2)).toEqual(sent.slice(3));
    });

    it('keeps every field of a message as it was stored', async () => {
      const { history } = (await use()).stores;
      const stored = message('general', 'héllo 👋 <b>"quotes"</b>\nline two', {
        reactions: [{ emoji: '👍', userIds: ['u1', 'u2'] }],
      });
      await history.append('general', stored, 100);
      expect(await history.recent('general', 1)).toEqual([stored]);
    });

    it('drops the oldest messages past the bound', async () => {
      const { history } = (await use()).stores;
      const sent = messages('general', 7);
      for (const each of sent) await history.append('general', each, 3);
      expect(await history.recent('general', 100)).toEqual(sent.slice(4));
    });

    it('keeps each room apart, the bound included', async () => {
      const { history } = (await use()).stores;
      const general = messages('general', 3, 'g');
      const random = messages('random', 3, 'r');
      for (let i = 0; i < 3; i += 1) {
        await history.append('general', general[i]!, 2);
        await history.append('random', random[i]!, 3);
      }
      expect(await history.recent('general', 10)).toEqual(general.slice(1));
      expect(await history.recent('random', 10)).toEqual(random);
    });

    it('answers no messages for a limit of 0 or a room without history', async () => {
      const { history } = (await use()).stores;
      await history.append('general', message('general', 'hi'), 100);
      expect(await history.recent('general', 0)).toEqual([]);
      expect(await history.recent('empty', 10)).toEqual([]);
    });

    it('answers the messages after an id, oldest first, at most limit of them', async () => {
      const { history } = (await use()).stores;
      const sent = messages('general', 6);
      for (const each of sent) await history.append('general', each, 100);
      expect(await history.after('general', sent[1]!.id, 100)).toEqual(sent.slice(2));
      expect(await history.after('general', sent[1]!.id, 2)).toEqual(sent.slice(2, 4));
      expect(await history.after('general', sent[1]!.id, 0)).toEqual([]);
    });

    it('answers no messages after the newest one', async () => {
      const { history } = (await use()).stores;
      const sent = messages('general', 3);
      for (const each of sent) await history.append('general', each, 100);
      expect(await history.after('general', sent[2]!.id, 100)).toEqual([]);
    });

    it('answers undefined after an id it does not hold, or no longer holds', async () => {
      const { history } = (await use()).stores;
      const sent = messages('general', 5);
      for (const each of sent) await history.append('general', each, 3);
      expect(await history.after('general', sent[0]!.id, 100)).toBeUndefined();
      expect(await history.after('general', 'no-such-id', 100)).toBeUndefined();
      expect(await history.after('random', sent[4]!.id, 100)).toBeUndefined();
      expect(await history.after('general', sent[2]!.id, 100)).toEqual(sent.slice(3));
    });

    it('updates a message in place and answers the new one', async () => {
      const { history } = (await use()).stores;
      const sent = messages('general', 3);
      for (const each of sent) await history.append('general', each, 100);
      const updated = await history.update('general', sent[1]!.id, (current) => ({
        ...current,
        reactions: [{ emoji: '🎉', userIds: ['u-bob'] }],
      }));
      const expected: ChatMessage = {
        ...sent[1]!,
        reactions: [{ emoji: '🎉', userIds: ['u-bob'] }],
      };
      expect(updated).toEqual(expected);
      expect(await history.recent('general', 10)).toEqual([sent[0], expected, sent[2]]);
    });

    it('answers undefined when updating a message it does not hold, and calls nothing', async () => {
      const { history } = (await use()).stores;
      const sent = message('general', 'hi');
      await history.append('general', sent, 100);
      let called = false;
      const change = (current: ChatMessage) => {
        called = true;
        return current;
      };
      expect(await history.update('general', 'no-such-id', change)).toBeUndefined();
      expect(await history.update('random', sent.id, change)).toBeUndefined();
      expect(called).toBe(false);
      expect(await history.recent('general', 10)).toEqual([sent]);
    });

    it('applies concurrent updates one after another, losing none', async () => {
      const { history } = (await use()).stores;
      const sent = message('general', 'react to me');
      await history.append('general', sent, 100);
      const users = Array.from({ length: 25 }, (_, i) => `u${i}`);
      await Promise.all(
        users.map((userId) =>
          history.update('general', sent.id, (current) => ({
            ...current,
            reactions: [
              { emoji: '👍', userIds: [...(current.reactions[0]?.userIds ?? []), userId] },
            ],
          })),
        ),
      );
      const [stored] = await history.recent('general', 1);
      expect(stored?.reactions[0]?.userIds).toEqual(users);
    });

    it('leaves the message as it was when the change throws', async () => {
      const { history } = (await use()).stores;
      const sent = message('general', 'hi');
      await history.append('general', sent, 100);
      const failure = new Error('the change failed');
      await expect(
        history.update('general', sent.id, () => {
          throw failure;
        }),
      ).rejects.toBe(failure);
      expect(await history.recent('general', 10)).toEqual([sent]);
    });

    it('forgets the messages of a dropped room and keeps the others', async () => {
      const { history } = (await use()).stores;
      const kept = message('random', 'stays');
      await history.append('general', message('general', 'goes'), 100);
      await history.append('random', kept, 100);
      await history.drop('general');
      expect(await history.recent('general', 10)).toEqual([]);
      expect(await history.recent('random', 10)).toEqual([kept]);
    });
  });
}
