import { randomUUID } from 'node:crypto';
import type { CanvasStroke, ChatMessage, Member } from '../../../src/protocol/index.ts';
import type { PollRecord } from '../../../src/server/index.ts';

// Values the contract cases store: complete, with every field set, so a store
// that loses or reshapes a field fails the round trip.

/** A message in `room` with this text, a fresh id and no reactions. */
export function message(
  room: string,
  text: string,
  fields: Partial<ChatMessage> = {},
): ChatMessage {
  return {
    id: randomUUID(),
    room,
    userId: 'u-ada',
    nickname: 'ada',
    text,
    timestamp: '2026-01-02T03:04:05.678Z',
    reactions: [],
    ...fields,
  };
}

/** `count` messages in `room`, texts `${prefix}0` … */
export function messages(room: string, count: number, prefix = 'm'): ChatMessage[] {
  return Array.from({ length: count }, (_, i) => message(room, `${prefix}${i}`));
}

/** An open poll in `room` with these options and no votes. */
export function poll(room: string, question: string, options = ['yes', 'no']): PollRecord {
  return {
    id: randomUUID(),
    room,
    question,
    options: options.map((text) => ({ id: randomUUID(), text })),
    creator: { userId: 'u-ada', nickname: 'ada' },
    createdAt: '2026-01-02T03:04:05.678Z',
    closed: false,
    votes: new Map(),
  };
}

/** The id of a poll's option `index`, which the sample polls always have. */
export function optionId(record: PollRecord, index: number): string {
  const option = record.options[index];
  if (!option) throw new Error(`The poll '${record.question}' has no option ${index}.`);
  return option.id;
}

/** A canvas segment drawn by `userId`, starting at x. */
export function stroke(x: number, userId = 'u-ada'): CanvasStroke {
  return { from: { x, y: 0.25 }, to: { x: x / 2, y: 0.75 }, color: '#3366ff', width: 4, userId };
}

/** A member who joined at a fixed time. */
export function member(userId: string, nickname = userId): Member {
  return { userId, nickname, joinedAt: '2026-01-02T03:04:05.678Z' };
}
