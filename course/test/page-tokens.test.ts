import { describe, expect, it } from 'vitest';
import { createTokenStore } from '../server/cells/page-tokens.ts';

describe('page tokens', () => {
  it('accepts a token for the purpose it was issued for, and no other', () => {
    const tokens = createTokenStore();
    const token = tokens.issue('page');
    expect(tokens.verify(token, 'page')).toBe(true);
    expect(tokens.verify(token, 'cell:04-broadcast-chat')).toBe(false);
    expect(tokens.verify('x'.repeat(43), 'page')).toBe(false);
    expect(tokens.verify(undefined, 'page')).toBe(false);
    expect(tokens.verify({ toString: () => token }, 'page')).toBe(false);
  });

  it('forgets a token once it has expired', () => {
    let now = 1_000;
    const tokens = createTokenStore({ ttlMs: 500, now: () => now });
    const token = tokens.issue('page');
    now += 499;
    expect(tokens.verify(token, 'page')).toBe(true);
    now += 1;
    expect(tokens.verify(token, 'page')).toBe(false);
  });

  it('spends a consumed token: it works once', () => {
    const tokens = createTokenStore();
    const ticket = tokens.issue('cell:03-first-socket', 60_000);
    expect(tokens.consume(ticket, 'cell:04-broadcast-chat')).toBe(false);
    expect(tokens.consume(ticket, 'cell:03-first-socket')).toBe(true);
    expect(tokens.consume(ticket, 'cell:03-first-socket')).toBe(false);
  });

  it('keeps at most maxTokens, dropping the oldest first', () => {
    const tokens = createTokenStore({ maxTokens: 2 });
    const first = tokens.issue('page');
    const second = tokens.issue('page');
    const third = tokens.issue('page');
    expect([first, second, third].map((token) => tokens.verify(token, 'page'))).toEqual([
      false,
      true,
      true,
    ]);
  });
});
