import { describe, expect, it } from 'vitest';
import { diffLines, unifiedDiff } from '../src/util/line-diff.ts';

describe('diffLines', () => {
  it('keeps common lines and marks the rest removed or added', () => {
    expect(diffLines(['a', 'b', 'c'], ['a', 'x', 'c', 'd'])).toEqual([
      { op: ' ', text: 'a' },
      { op: '-', text: 'b' },
      { op: '+', text: 'x' },
      { op: ' ', text: 'c' },
      { op: '+', text: 'd' },
    ]);
  });

  it('handles empty sides', () => {
    expect(diffLines([], ['a'])).toEqual([{ op: '+', text: 'a' }]);
    expect(diffLines(['a'], [])).toEqual([{ op: '-', text: 'a' }]);
    expect(diffLines([], [])).toEqual([]);
  });
});

describe('unifiedDiff', () => {
  it('is empty for equal texts', () => {
    expect(unifiedDiff('a\nb\n', 'a\nb\n', 'x', 'y')).toBe('');
  });

  it('prints hunks with three lines of context and diff -u line numbers', () => {
    const before = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', ''].join('\n');
    const after = before.replace('2\n', 'two\n').replace('11\n', '');
    expect(unifiedDiff(before, after, 'yours', 'reference')).toBe(
      [
        '--- yours',
        '+++ reference',
        '@@ -1,5 +1,5 @@',
        ' 1',
        '-2',
        '+two',
        ' 3',
        ' 4',
        ' 5',
        '@@ -8,5 +8,4 @@',
        ' 8',
        ' 9',
        ' 10',
        '-11',
        ' 12',
        '',
      ].join('\n'),
    );
  });

  it('merges changes whose context overlaps into one hunk', () => {
    const diff = unifiedDiff('a\nb\nc\nd\ne\n', 'A\nb\nc\nd\nE\n', 'x', 'y');
    expect(diff.match(/^@@/gm)).toHaveLength(1);
    expect(diff).toContain('@@ -1,5 +1,5 @@');
  });
});
