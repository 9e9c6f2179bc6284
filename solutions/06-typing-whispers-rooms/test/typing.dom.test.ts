// @vitest-environment happy-dom
// The browser's side of typing indicators: throttled typing_start, typing_stop
// after a pause or on send, and the words shown under the list.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTypingNotifier, TYPING_IDLE_MS, typingText } from '../src/client/typing.ts';
import { TYPING_THROTTLE_MS } from '../src/protocol.ts';

describe('createTypingNotifier', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function setup() {
    const sent: string[] = [];
    const notifier = createTypingNotifier(
      { start: () => sent.push('start'), stop: () => sent.push('stop') },
      { now: () => Date.now() },
    );
    return { sent, notifier };
  }

  it('sends typing_start once per throttle window while keys keep coming', () => {
    const { sent, notifier } = setup();
    notifier.input();
    for (let key = 0; key < 10; key += 1) {
      vi.advanceTimersByTime(100);
      notifier.input();
    }
    expect(sent).toEqual(['start']);
    vi.advanceTimersByTime(TYPING_THROTTLE_MS);
    notifier.input();
    expect(sent).toEqual(['start', 'start']);
  });

  it('sends typing_stop after a pause', () => {
    const { sent, notifier } = setup();
    notifier.input();
    vi.advanceTimersByTime(TYPING_IDLE_MS - 1);
    expect(sent).toEqual(['start']);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual(['start', 'stop']);
  });

  it('sends typing_stop once when the message is sent, and starts again on the next key', () => {
    const { sent, notifier } = setup();
    notifier.input();
    notifier.stop();
    notifier.stop();
    vi.advanceTimersByTime(TYPING_IDLE_MS * 2);
    expect(sent).toEqual(['start', 'stop']);
    notifier.input();
    expect(sent).toEqual(['start', 'stop', 'start']);
  });
});

describe('typingText', () => {
  it('names one, two, or two and a count of typists, and nobody when empty', () => {
    expect(typingText([])).toBe('');
    expect(typingText(['alice'])).toBe('alice is typing…');
    expect(typingText(['alice', 'bob'])).toBe('alice and bob are typing…');
    expect(typingText(['alice', 'bob', 'carol', 'dave'])).toBe(
      'alice, bob and 2 others are typing…',
    );
  });

  it('leaves yourself out', () => {
    expect(typingText(['me', 'bob'], 'me')).toBe('bob is typing…');
    expect(typingText(['me'], 'me')).toBe('');
  });
});
