import { describe, expect, it } from 'vitest';
import type { ChatStores } from '../../../src/server/index.ts';
import type { StoresUnderTest, UseStores } from './describe-stores.ts';
import { member, message, messages, optionId, poll, stroke } from './samples.ts';

// Only for stores that persist: what a restarted server finds.

function restartOf(under: StoresUnderTest): () => Promise<ChatStores> {
  if (!under.restart) throw new Error('Persistent stores must offer restart() to the contract.');
  return under.restart;
}

export function persistenceContract(use: UseStores): void {
  describe('after a restart', () => {
    it('still has the rooms, in order, the history, the sessions, the polls and the canvas', async () => {
      const under = await use();
      const before = under.stores;
      for (const name of ['general', 'random']) await before.rooms.create(name, 10);
      const sent = messages('general', 3);
      for (const each of sent) await before.history.append('general', each, 100);
      await before.sessions.set('hash-ada', { userId: 'u-ada', nickname: 'ada' });
      const open = poll('general', 'Tea or coffee?');
      const done = poll('general', 'Tabs or spaces?');
      await before.polls.add(open, 20);
      await before.polls.add(done, 20);
      await before.polls.vote(open.id, 'u-ada', optionId(open, 1));
      await before.polls.close(done.id);
      const drawn = [stroke(0.1), stroke(0.2)];
      for (const each of drawn) await before.canvas.append('general', each, 100);
      const polls = await before.polls.list('general');

      const after = await restartOf(under)();
      expect(await after.rooms.list()).toEqual(['general', 'random']);
      expect(await after.history.recent('general', 100)).toEqual(sent);
      expect(await after.sessions.get('hash-ada')).toEqual({ userId: 'u-ada', nickname: 'ada' });
      expect(await after.polls.list('general')).toEqual(polls);
      expect(await after.canvas.list('general')).toEqual(drawn);
    });

    it('keeps a reaction that was added before it', async () => {
      const under = await use();
      const sent = message('general', 'react to me');
      await under.stores.history.append('general', sent, 100);
      const reacted = await under.stores.history.update('general', sent.id, (current) => ({
        ...current,
        reactions: [{ emoji: '❤️', userIds: ['u-bob'] }],
      }));
      const after = await restartOf(under)();
      expect(await after.history.recent('general', 1)).toEqual([reacted]);
    });

    it('answers what came after an id it held before, and keeps bounding the history', async () => {
      const under = await use();
      const sent = messages('general', 4, 'before');
      for (const each of sent) await under.stores.history.append('general', each, 5);
      const after = await restartOf(under)();
      const more = messages('general', 2, 'after');
      for (const each of more) await after.history.append('general', each, 5);
      expect(await after.history.after('general', sent[1]!.id, 100)).toEqual([
        ...sent.slice(2),
        ...more,
      ]);
      expect(await after.history.recent('general', 100)).toEqual([...sent.slice(1), ...more]);
    });

    it('still keeps one vote per user in a poll from before it', async () => {
      const under = await use();
      const record = poll('general', 'Tea or coffee?');
      await under.stores.polls.add(record, 20);
      await under.stores.polls.vote(record.id, 'u-ada', optionId(record, 0));
      const after = await restartOf(under)();
      const moved = await after.polls.vote(record.id, 'u-ada', optionId(record, 1));
      expect(moved?.votes).toEqual(new Map([['u-ada', optionId(record, 1)]]));
    });

    it('starts with nobody online and nobody in a room: no socket survives a restart', async () => {
      const under = await use();
      await under.stores.online.connect({ userId: 'u-ada', nickname: 'ada' });
      await under.stores.presence.add('general', member('u-ada'));
      const after = await restartOf(under)();
      expect(await after.online.get('u-ada')).toBeUndefined();
      expect(await after.online.connect({ userId: 'u-bob', nickname: 'ada' })).toMatchObject({
        ok: true,
      });
      expect(await after.presence.members('general')).toEqual([]);
    });
  });
}
