import {
  type ChatChange,
  type ChatState,
  initialChatState,
  maxWhispers,
  reduceChatState,
} from '@funws/chat/client';
import { limits } from '@funws/chat/protocol';
import { describe, expect, it } from 'vitest';
import { roomStateFromSnapshot } from '../../src/client/room-reducers.ts';
import { member, message, poll, snapshot, stroke, whisper } from './fixtures.ts';

function reduceAll(changes: ChatChange[], state: ChatState = initialChatState): ChatState {
  return changes.reduce(reduceChatState, state);
}

function joined(room: string): ChatChange {
  return { type: 'joined', room, state: roomStateFromSnapshot(snapshot(room)) };
}

describe('reduceChatState', () => {
  it('adds a room on join and removes it on leave', () => {
    const state = reduceAll([joined('general')]);
    expect(Object.keys(state.rooms)).toEqual(['general']);
    expect(reduceAll([{ type: 'left', room: 'general' }], state).rooms).toEqual({});
  });

  it('returns the same state object when a change changes nothing', () => {
    const state = reduceAll([
      joined('general'),
      { type: 'message', room: 'general', message: message('m1') },
    ]);
    expect(
      reduceChatState(state, { type: 'message', room: 'general', message: message('m1') }),
    ).toBe(state);
    expect(
      reduceChatState(state, { type: 'message', room: 'random', message: message('m2', 'random') }),
    ).toBe(state);
    expect(reduceChatState(state, { type: 'left', room: 'random' })).toBe(state);
  });

  it('shares the rooms that did not change', () => {
    const before = reduceAll([joined('general'), joined('random')]);
    const after = reduceChatState(before, {
      type: 'message',
      room: 'general',
      message: message('m1'),
    });
    expect(after.rooms.random).toBe(before.rooms.random);
    expect(after.rooms.general).not.toBe(before.rooms.general);
  });

  it('treats a room called constructor as just another room', () => {
    // A variable, as an app would have: the literal would type-check as Object's constructor.
    const name: string = 'constructor';
    expect(initialChatState.rooms[name]).toBeUndefined();
    const state = reduceChatState(initialChatState, {
      type: 'message',
      room: 'constructor',
      message: message('m1', 'constructor'),
    });
    expect(state).toBe(initialChatState);
    expect(reduceAll([joined('constructor')]).rooms[name]?.members).toHaveLength(1);
  });

  it('keeps at most historyPerRoom messages, dropping the oldest', () => {
    const changes = Array.from(
      { length: limits.historyPerRoom + 5 },
      (_, i): ChatChange => ({
        type: 'message',
        room: 'general',
        message: message(`m${i}`),
      }),
    );
    const { messages } = reduceAll([joined('general'), ...changes]).rooms.general!;
    expect(messages).toHaveLength(limits.historyPerRoom);
    expect(messages[0]?.id).toBe('m5');
  });

  it('applies presence diffs and forgets the typing of members who left', () => {
    const state = reduceAll([
      joined('general'),
      {
        type: 'presence',
        room: 'general',
        joined: [member('u2', 'bob'), member('u3', 'cy')],
        left: [],
      },
      { type: 'typing', room: 'general', userIds: ['u2', 'u3'] },
      { type: 'presence', room: 'general', joined: [], left: ['u2'] },
    ]);
    expect(state.rooms.general?.members.map((m) => m.nickname)).toEqual(['ada', 'cy']);
    expect(state.rooms.general?.typing).toEqual(['u3']);
  });

  it('does not list a member twice when a join arrives for someone already listed', () => {
    const state = reduceAll([
      joined('general'),
      { type: 'presence', room: 'general', joined: [member('u1', 'ada')], left: [] },
    ]);
    expect(state.rooms.general?.members).toHaveLength(1);
  });

  it('replaces an updated poll and records and removes my vote', () => {
    const updated = { ...poll('p1'), closed: true };
    const state = reduceAll([
      joined('general'),
      { type: 'poll', room: 'general', poll: poll('p1') },
      { type: 'poll', room: 'general', poll: updated },
      { type: 'my-vote', room: 'general', pollId: 'p1', optionId: 'a' },
    ]);
    expect(state.rooms.general?.polls).toEqual([updated]);
    expect(state.rooms.general?.myVotes).toEqual({ p1: 'a' });
    const unvoted = reduceChatState(state, {
      type: 'my-vote',
      room: 'general',
      pollId: 'p1',
      optionId: null,
    });
    expect(unvoted.rooms.general?.myVotes).toEqual({});
  });

  it('sets the reactions of a message in the history', () => {
    const reactions = [{ emoji: '🎉' as const, userIds: ['u2'] }];
    const state = reduceAll([
      joined('general'),
      { type: 'message', room: 'general', message: message('m1') },
      { type: 'reactions', room: 'general', messageId: 'm1', reactions },
    ]);
    expect(state.rooms.general?.messages[0]?.reactions).toEqual(reactions);
  });

  it('adds canvas strokes and clears them', () => {
    const drawn = reduceAll([
      joined('general'),
      { type: 'canvas-segment', room: 'general', stroke: stroke() },
      { type: 'canvas-segment', room: 'general', stroke: stroke('u2') },
    ]);
    expect(drawn.rooms.general?.canvas).toHaveLength(2);
    const cleared = reduceChatState(drawn, { type: 'canvas-cleared', room: 'general', by: 'u2' });
    expect(cleared.rooms.general?.canvas).toEqual([]);
  });

  it('drops duplicate whispers and keeps at most maxWhispers', () => {
    const changes = Array.from(
      { length: maxWhispers + 1 },
      (_, i): ChatChange => ({
        type: 'whisper',
        whisper: whisper(`w${i}`),
      }),
    );
    const state = reduceAll([...changes, { type: 'whisper', whisper: whisper(`w${maxWhispers}`) }]);
    expect(state.whispers).toHaveLength(maxWhispers);
    expect(state.whispers[0]?.id).toBe('w1');
  });
});
