import { limits } from '@funws/chat/protocol';
import { describe, expect, it } from 'vitest';
import { TypingThrottle } from '../../src/client/typing-throttle.ts';

describe('TypingThrottle', () => {
  it('allows one start per room per throttle window', () => {
    const throttle = new TypingThrottle();
    expect(throttle.start('general', 0)).toBe(true);
    expect(throttle.start('general', limits.typingThrottleMs - 1)).toBe(false);
    expect(throttle.start('random', 10)).toBe(true);
    expect(throttle.start('general', limits.typingThrottleMs)).toBe(true);
  });

  it('allows a stop only after a start the server still remembers', () => {
    const throttle = new TypingThrottle();
    expect(throttle.stop('general', 0)).toBe(false);
    throttle.start('general', 0);
    expect(throttle.stop('general', 100)).toBe(true);
    expect(throttle.stop('general', 200)).toBe(false);
    throttle.start('general', 1000);
    expect(throttle.stop('general', 1000 + limits.typingTimeoutMs)).toBe(false);
  });

  it('allows a new start right after a stop', () => {
    const throttle = new TypingThrottle();
    throttle.start('general', 0);
    throttle.stop('general', 10);
    expect(throttle.start('general', 20)).toBe(true);
  });
});
