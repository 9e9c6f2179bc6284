import { describe, expect, it } from 'vitest';
import { diffLines, splitLines, unifiedDiff } from '../src/lib/diff.ts';

describe('unifiedDiff', () => {
  it('returns an empty string for texts with the same lines', () => {
    expect(unifiedDiff('a\nb\n', 'a\nb\n')).toBe('');
  });

  it('marks a changed line as removed and added, with context', () => {
    expect(unifiedDiff('a\nb\nc\n', 'a\nB\nc\n')).toBe('@@ -1,3 +1,3 @@\n a\n-b\n+B\n c');
  });

  it('prints the file names when given both', () => {
    const diff = unifiedDiff('x\n', 'y\n', { fromName: 'old.ts', toName: 'new.ts' });
    expect(diff.split('\n').slice(0, 2)).toEqual(['--- old.ts', '+++ new.ts']);
  });

  it('splits distant changes into separate hunks with correct line numbers', () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join('\n');
    const after = before
      .replace('line 2\n', 'line two\n')
      .replace('line 18\n', 'line 18\nnew line\n');
    const diff = unifiedDiff(before, after, { context: 1 });
    const headers = diff.split('\n').filter((line) => line.startsWith('@@'));
    expect(headers).toEqual(['@@ -1,3 +1,3 @@', '@@ -18,2 +18,3 @@']);
    expect(diff).toContain('+new line');
  });

  it('handles an empty old file', () => {
    expect(unifiedDiff('', 'a\nb\n')).toBe('@@ -0,0 +1,2 @@\n+a\n+b');
  });
});

describe('diffLines', () => {
  it('keeps the longest common subsequence', () => {
    const script = diffLines(['a', 'b', 'c', 'd'], ['a', 'c', 'd', 'e']);
    expect(script.map((line) => `${line.kind}${line.text}`)).toEqual([
      ' a',
      '-b',
      ' c',
      ' d',
      '+e',
    ]);
  });

  it('splits CRLF and drops the empty line after a final newline', () => {
    expect(splitLines('a\r\nb\r\n')).toEqual(['a', 'b']);
  });
});
