// @vitest-environment happy-dom
// parseInput in more detail: spacing, case, quotes, and what is NOT a whisper.
import { describe, expect, it } from 'vitest';
import { parseInput, WHISPER_USAGE } from '../src/client/commands.ts';

describe('parseInput', () => {
  it('trims an ordinary message', () => {
    expect(parseInput('  hi there  ')).toEqual({ kind: 'message', text: 'hi there' });
  });

  it('accepts extra spaces, upper case and line breaks in the text', () => {
    expect(parseInput('  /W   bob    two  words ')).toEqual({
      kind: 'whisper',
      to: 'bob',
      text: 'two  words',
    });
    expect(parseInput('/whisper bob line one\nline two')).toEqual({
      kind: 'whisper',
      to: 'bob',
      text: 'line one\nline two',
    });
  });

  it('takes a quoted nickname with spaces in it', () => {
    expect(parseInput('/w "Mary Ann" hello')).toEqual({
      kind: 'whisper',
      to: 'Mary Ann',
      text: 'hello',
    });
  });

  it('explains the usage when the nickname or the text is missing', () => {
    for (const input of ['/w', '/w ', '/whisper bob', '/w "Mary Ann"', '/w "" hi']) {
      expect(parseInput(input), input).toEqual({ kind: 'error', message: WHISPER_USAGE });
    }
  });

  it('treats other slash words as ordinary messages', () => {
    for (const input of ['/wow nice', '/whisperer bob hi', '/me waves', 'w bob hi']) {
      expect(parseInput(input), input).toEqual({ kind: 'message', text: input });
    }
  });

  it('keeps an injection payload as plain data in every field', () => {
    const payload = '<img src=x onerror=alert(1)>';
    expect(parseInput(`/w <b>bob</b> ${payload}`)).toEqual({
      kind: 'whisper',
      to: '<b>bob</b>',
      text: payload,
    });
  });
});
