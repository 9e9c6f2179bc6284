import { describe, expect, it } from 'vitest';
import {
  confusableSkeleton,
  nicknameKey,
  nicknameProblem,
  nicknameSchema,
  normalizeNickname,
  readableIssues,
  textProblem,
  textSchema,
} from '../../src/protocol/index.ts';

describe('nickname rules', () => {
  it('normalises with NFKC, trims, and makes each run of spaces one space', () => {
    expect(normalizeNickname('  ＢＯＢ\u3000the   builder ')).toBe('BOB the builder');
    expect(normalizeNickname('ﬁona')).toBe('fiona');
  });

  it.each([
    ['a zero-width space', 'bob\u200b', 'U+200B'],
    ['a right-to-left override', '\u202ebob', 'U+202E'],
    ['a zero-width joiner', 'b\u200dob', 'U+200D'],
    ['NUL', 'b\u0000ob', 'U+0000'],
    ['an escape character', 'b\u001bob', 'U+001B'],
    ['a private-use character', 'bob\ue000', 'U+E000'],
    ['an unpaired surrogate', 'bob\ud800', 'U+D800'],
    ['a line separator', 'bo\u2028b', 'U+2028'],
  ])('refuses a nickname holding %s, naming the code point', (_what, nickname, code) => {
    const result = nicknameSchema.safeParse(nickname, readableIssues);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain(code);
    expect(nicknameProblem(nickname)).toContain(code);
  });

  it('accepts names in any script, with accents, digits, punctuation and emoji', () => {
    for (const nickname of ['Zoë', 'Мария', '李雷', 'محمد', 'o’neil', 'ada_99', 'cat 🐱']) {
      expect(nicknameSchema.safeParse(nickname).success, nickname).toBe(true);
      expect(nicknameProblem(nickname), nickname).toBeUndefined();
    }
  });

  it('gives look-alike nicknames the same key, and different names different keys', () => {
    const bob = nicknameKey('bob');
    for (const lookAlike of ['Bob', 'BOB', 'ＢＯＢ', 'b\u043eb', 'b0b', 'b\u03bfb']) {
      expect(nicknameKey(lookAlike), lookAlike).toBe(bob);
    }
    expect(nicknameKey('ALICE')).toBe(nicknameKey('alice'));
    expect(nicknameKey('\u0410lice')).toBe(nicknameKey('alice')); // Cyrillic А
    expect(nicknameKey('rn')).toBe(nicknameKey('m'));
    expect(nicknameKey('alice')).not.toBe(bob);
    expect(nicknameKey('bobby')).not.toBe(bob);
  });

  it('computes the skeleton of Unicode TS #39: NFD, prototypes, NFD', () => {
    expect(confusableSkeleton('\u0430')).toBe('a'); // Cyrillic а
    expect(confusableSkeleton('\u0391')).toBe('A'); // Greek Alpha
    expect(confusableSkeleton('m')).toBe('rn');
    expect(confusableSkeleton('é')).toBe(confusableSkeleton('e\u0301'));
  });
});

describe('text rules', () => {
  it('refuses NUL and unpaired surrogates in message text, naming them', () => {
    for (const [text, code] of [
      ['a\u0000b', 'U+0000'],
      ['half \ud83d', 'U+D83D'],
      ['\udc00 low half', 'U+DC00'],
    ] as const) {
      const result = textSchema.safeParse(text, readableIssues);
      expect(result.success, JSON.stringify(text)).toBe(false);
      expect(result.error?.issues[0]?.message).toContain(code);
      expect(textProblem(text)).toContain(code);
    }
  });

  it('accepts whole emoji, right-to-left text and a direction override in message text', () => {
    for (const text of ['🐱‍👤 hi', 'שלום', '\u202eevil', 'tab\there']) {
      expect(textSchema.safeParse(text).success, text).toBe(true);
    }
  });
});
