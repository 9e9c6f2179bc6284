import type { ChatMessage } from '@funws/chat/protocol';
import { limits } from '@funws/chat/protocol';
import { describe, expect, it } from 'vitest';
import {
  mergeMessages,
  rejoinedRoomState,
  roomStateFromSnapshot,
} from '../../src/client/room-reducers.ts';
import { member, message, snapshot } from './fixtures.ts';

// What a client holds after re-joining a room it was in before a reconnection
// the server could not recover: every message exactly once, in order.

/** A message sent at second `second` of the test's minute. */
function at(id: string, second: number): ChatMessage {
  return { ...message(id), timestamp: `2026-01-01T00:00:${String(second).padStart(2, '0')}.000Z` };
}

const ids = (messages: readonly ChatMessage[]) => messages.map((each) => each.id);

describe('merging the messages of a re-join', () => {
  it('puts what came after since right after it, before what arrived live meanwhile', () => {
    const held = [at('a', 1), at('b', 2), at('live', 9)];
    const incoming = [at('c', 3), at('d', 4), at('live', 9)];
    expect(ids(mergeMessages(held, incoming, 'b'))).toEqual(['a', 'b', 'c', 'd', 'live']);
  });

  it('merges the recent history by time when the server no longer had since', () => {
    // A restart without persistent history: the server only has what came after it.
    const held = [at('a', 1), at('b', 2)];
    const incoming = [at('c', 3), at('d', 4)];
    expect(ids(mergeMessages(held, incoming))).toEqual(['a', 'b', 'c', 'd']);
    // Overlapping: the server's recent history still has some of what we hold.
    expect(ids(mergeMessages([at('a', 1), at('b', 2)], [at('b', 2), at('c', 3)]))).toEqual([
      'a',
      'b',
      'c',
    ]);
    // And a message that reached us live, newer than the history.
    expect(ids(mergeMessages([at('a', 1), at('live', 9)], [at('a', 1), at('c', 3)]))).toEqual([
      'a',
      'c',
      'live',
    ]);
  });

  it('takes a message in both from the server, with its newer reactions', () => {
    const held = [at('a', 1)];
    const reacted = { ...at('a', 1), reactions: [{ emoji: '👍' as const, userIds: ['u2'] }] };
    expect(mergeMessages(held, [reacted])).toEqual([reacted]);
  });

  it('keeps only the newest messages a room holds', () => {
    const held = Array.from({ length: limits.historyPerRoom }, (_, i) => at(`old-${i}`, 0));
    const merged = mergeMessages(held, [at('new', 1)], `old-${limits.historyPerRoom - 1}`);
    expect(merged).toHaveLength(limits.historyPerRoom);
    expect(merged.at(-1)?.id).toBe('new');
    expect(merged[0]?.id).toBe('old-1');
  });

  it('refreshes everything else from the new snapshot', () => {
    const held = roomStateFromSnapshot(snapshot('general', { messages: [at('a', 1)] }));
    const next = rejoinedRoomState(
      held,
      snapshot('general', { members: [member('u1'), member('u2')], messages: [at('b', 2)] }),
    );
    expect(next.members.map((each) => each.userId)).toEqual(['u1', 'u2']);
    expect(ids(next.messages)).toEqual(['a', 'b']);
  });
});
