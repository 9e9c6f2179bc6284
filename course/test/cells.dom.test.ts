// @vitest-environment happy-dom
import type { ChatMessage, Poll, Whisper } from '@funws/chat/protocol';
import { describe, expect, it } from 'vitest';
import {
  directionLabel,
  type InspectorEntry,
  packetSummary,
  renderRow,
  transportLabel,
  whoLabel,
} from '../src/components/cells/inspector-client.ts';
import { averageDelay, emptyStats, recordTicks } from '../src/components/cells/lab-client.ts';
import {
  renderMessage,
  renderPoll,
  renderWhisper,
  timeline,
  typingText,
} from '../src/components/playground/render.ts';

const attack = '<img src=x onerror="window.__pwned=1">';

const entry: InspectorEntry = {
  t: Date.now(),
  dir: 'in',
  sid: 'abc123',
  pane: 'alice',
  transport: 'websocket',
  eio: 'message',
  sio: 'EVENT',
  event: 'send_message',
  data: `2["send_message",{"text":"${attack}"}]`,
  bytes: 40,
};

describe('the inspector rows', () => {
  it('label who, which way and how', () => {
    expect(whoLabel(entry)).toBe('Alice');
    expect(whoLabel({ sid: 'abc123' })).toBe('#abc123');
    expect(directionLabel('in')).toBe('→');
    expect(transportLabel('polling')).toBe('poll');
    expect(packetSummary(entry)).toBe('event “send_message”');
    expect(packetSummary({ ...entry, eio: 'frame' })).toBe('raw text frame');
  });

  it('show packet text as text, never as HTML', () => {
    const row = renderRow(entry);
    expect(row.querySelector('img')).toBeNull();
    expect(row.textContent).toContain(attack);
    expect(row.textContent).toContain(`42["send_message"`);
  });
});

describe('the lab counters', () => {
  it('count ticks, empty answers and the delay', () => {
    const stats = emptyStats();
    recordTicks(stats, [], 1000);
    recordTicks(
      stats,
      [
        { seq: 1, at: 900 },
        { seq: 2, at: 950 },
      ],
      1000,
    );
    expect(stats).toMatchObject({ empty: 1, ticks: 2, delaySum: 150, lastDelay: 50 });
    expect(averageDelay(stats)).toBe('75 ms');
    expect(averageDelay(emptyStats())).toBe('–');
  });
});

const message: ChatMessage = {
  id: 'm1',
  room: 'general',
  userId: 'u1',
  nickname: attack,
  text: `<script>window.__pwned=1</script>`,
  timestamp: '2026-01-01T10:00:00.000Z',
  reactions: [{ emoji: '👍', userIds: ['u1', 'u2'] }],
};

describe('the playground rendering', () => {
  it('renders nicknames and text as text, with reaction counts', () => {
    const item = renderMessage(message, { myId: 'u1', emoji: ['👍', '🎉'], react: () => {} });
    expect(item.querySelector('img, script')).toBeNull();
    expect(item.textContent).toContain(attack);
    const thumbs = item.querySelector('button');
    expect(thumbs?.textContent).toBe('👍 2');
    expect(thumbs?.getAttribute('aria-pressed')).toBe('true');
    expect(item.querySelector('time')?.getAttribute('datetime')).toBe(message.timestamp);
  });

  it('says who whispered to whom', () => {
    const whisper: Whisper = {
      id: 'w1',
      from: { userId: 'u2', nickname: 'bob' },
      to: { userId: 'u1', nickname: 'ada' },
      text: 'psst',
      timestamp: '2026-01-01T10:00:01.000Z',
    };
    expect(renderWhisper(whisper, 'u1').textContent).toContain('bob whispered to you');
    expect(renderWhisper(whisper, 'u2').textContent).toContain('You whispered to ada');
    const lines = timeline([message], [whisper]);
    expect(lines.map((line) => line.kind)).toEqual(['message', 'whisper']);
  });

  it('shows poll options with their share and the vote you gave', () => {
    const poll: Poll = {
      id: 'p1',
      room: 'general',
      question: attack,
      options: [
        { id: 'a', text: 'Pizza', votes: 3 },
        { id: 'b', text: 'Sushi', votes: 1 },
      ],
      creator: { userId: 'u1', nickname: 'ada' },
      createdAt: '2026-01-01T10:00:00.000Z',
      closed: false,
    };
    const item = renderPoll(poll, 'b', () => {});
    expect(item.querySelector('img')).toBeNull();
    const buttons = [...item.querySelectorAll('button')];
    expect(buttons.map((button) => button.textContent)).toEqual([
      'Pizza: 3 (75%)',
      'Sushi: 1 (25%)',
    ]);
    expect(buttons[1]?.getAttribute('aria-pressed')).toBe('true');
  });

  it('words the typing indicator for one, two and more people', () => {
    expect(typingText([])).toBe('');
    expect(typingText(['ada'])).toBe('ada is typing…');
    expect(typingText(['ada', 'bob'])).toBe('ada and bob are typing…');
    expect(typingText(['a', 'b', 'c'])).toBe('3 people are typing…');
  });
});
