import { describe, expect, it } from 'vitest';
import { toPoll } from '../../../src/server/index.ts';
import type { UseStores } from './describe-stores.ts';
import { optionId, poll } from './samples.ts';

export function pollContract(use: UseStores): void {
  describe('polls', () => {
    it('answers a poll by id and in its room, oldest first, with every field', async () => {
      const { polls } = (await use()).stores;
      const first = poll('general', 'Tea or coffee?', ['tea', 'coffee', 'neither']);
      const second = poll('general', 'Tabs or spaces?');
      const elsewhere = poll('random', 'Cats or dogs?');
      for (const each of [first, second, elsewhere]) await polls.add(each, 20);
      expect(await polls.get(first.id)).toEqual(first);
      expect(await polls.list('general')).toEqual([first, second]);
      expect(await polls.list('random')).toEqual([elsewhere]);
      expect(await polls.get('no-such-poll')).toBeUndefined();
    });

    it('drops the oldest poll of a room past the bound, by id too', async () => {
      const { polls } = (await use()).stores;
      const added = ['a?', 'b?', 'c?'].map((question) => poll('general', question));
      for (const each of added) await polls.add(each, 2);
      expect(await polls.list('general')).toEqual(added.slice(1));
      expect(await polls.get(added[0]!.id)).toBeUndefined();
    });

    it('keeps one vote per user: voting again moves it', async () => {
      const { polls } = (await use()).stores;
      const record = poll('general', 'Tea or coffee?');
      await polls.add(record, 20);
      await polls.vote(record.id, 'u-ada', optionId(record, 0));
      const moved = await polls.vote(record.id, 'u-ada', optionId(record, 1));
      expect(moved?.votes).toEqual(new Map([['u-ada', optionId(record, 1)]]));
      expect(toPoll(moved!).options.map((option) => option.votes)).toEqual([0, 1]);
      expect((await polls.get(record.id))?.votes).toEqual(moved?.votes);
    });

    it('counts the votes of different users separately', async () => {
      const { polls } = (await use()).stores;
      const record = poll('general', 'Tea or coffee?', ['tea', 'coffee', 'neither']);
      await polls.add(record, 20);
      await polls.vote(record.id, 'u-ada', optionId(record, 0));
      await polls.vote(record.id, 'u-bob', optionId(record, 0));
      await polls.vote(record.id, 'u-cy', optionId(record, 2));
      const stored = await polls.get(record.id);
      expect(toPoll(stored!).options.map((option) => option.votes)).toEqual([2, 0, 1]);
    });

    it('counts every one of many votes cast at once', async () => {
      const { polls } = (await use()).stores;
      const record = poll('general', 'Tea or coffee?');
      await polls.add(record, 20);
      const voters = Array.from({ length: 30 }, (_, i) => `u${i}`);
      await Promise.all(
        voters.map((userId, i) => polls.vote(record.id, userId, optionId(record, i % 2))),
      );
      const stored = await polls.get(record.id);
      expect(stored?.votes.size).toBe(30);
      expect(toPoll(stored!).options.map((option) => option.votes)).toEqual([15, 15]);
    });

    it('changes nothing in a closed poll and answers it as it is', async () => {
      const { polls } = (await use()).stores;
      const record = poll('general', 'Tea or coffee?');
      await polls.add(record, 20);
      await polls.vote(record.id, 'u-ada', optionId(record, 0));
      const closed = await polls.close(record.id);
      expect(closed?.closed).toBe(true);
      const answered = await polls.vote(record.id, 'u-bob', optionId(record, 1));
      expect(answered).toEqual(closed);
      expect(await polls.get(record.id)).toEqual(closed);
      expect(await polls.list('general')).toEqual([closed]);
    });

    it('answers undefined for a vote in, or the closing of, an unknown poll', async () => {
      const { polls } = (await use()).stores;
      expect(await polls.vote('no-such-poll', 'u-ada', 'x')).toBeUndefined();
      expect(await polls.close('no-such-poll')).toBeUndefined();
    });

    it('forgets every poll of a dropped room and keeps the others', async () => {
      const { polls } = (await use()).stores;
      const gone = poll('general', 'Tea or coffee?');
      const kept = poll('random', 'Cats or dogs?');
      await polls.add(gone, 20);
      await polls.add(kept, 20);
      await polls.vote(gone.id, 'u-ada', optionId(gone, 0));
      await polls.drop('general');
      expect(await polls.list('general')).toEqual([]);
      expect(await polls.get(gone.id)).toBeUndefined();
      expect(await polls.list('random')).toEqual([kept]);
    });
  });
}
