import type {
  CanvasStroke,
  ChatMessage,
  Member,
  Poll,
  RoomSnapshot,
  Whisper,
} from '@funws/chat/protocol';

// Plain data for the pure-state tests; the integration tests get theirs from a real server.

export function member(userId: string, nickname = userId): Member {
  return { userId, nickname, joinedAt: '2026-01-01T00:00:00.000Z' };
}

export function message(id: string, room = 'general', text = `text of ${id}`): ChatMessage {
  return {
    id,
    room,
    userId: 'u1',
    nickname: 'ada',
    text,
    timestamp: '2026-01-01T00:00:00.000Z',
    reactions: [],
  };
}

export function whisper(id: string): Whisper {
  return {
    id,
    from: { userId: 'u1', nickname: 'ada' },
    to: { userId: 'u2', nickname: 'bob' },
    text: 'psst',
    timestamp: '2026-01-01T00:00:00.000Z',
  };
}

export function poll(id: string, room = 'general'): Poll {
  return {
    id,
    room,
    question: 'Lunch?',
    options: [
      { id: 'a', text: 'Pizza', votes: 0 },
      { id: 'b', text: 'Sushi', votes: 0 },
    ],
    creator: { userId: 'u1', nickname: 'ada' },
    createdAt: '2026-01-01T00:00:00.000Z',
    closed: false,
  };
}

export function stroke(userId = 'u1'): CanvasStroke {
  return { from: { x: 0, y: 0 }, to: { x: 1, y: 1 }, color: '#000000', width: 2, userId };
}

export function snapshot(room: string, overrides: Partial<RoomSnapshot> = {}): RoomSnapshot {
  return {
    room,
    members: [member('u1', 'ada')],
    messages: [],
    typing: [],
    polls: [],
    myVotes: {},
    canvas: [],
    ...overrides,
  };
}
