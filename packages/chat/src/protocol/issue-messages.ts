import type * as z from 'zod/mini';

/**
 * Words for a schema issue, naming what was expected and what arrived, e.g.
 * `expected string, received number` or `unexpected key "__proto__"`.
 * zod/mini ships no messages of its own (they would cost bundle size), and
 * ours can be shorter and say exactly what a caller needs to fix.
 * Messages written into a schema (`'the text is empty'`) take precedence.
 *
 * @example
 * const result = textSchema.safeParse(42, { error: explainIssue });
 * // result.error.issues[0].message === 'expected string, received number'
 */
export function explainIssue(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}, received ${describe(issue.input)}`;
    case 'too_small':
      return `expected ${bound('at least', issue.minimum, issue.origin)}`;
    case 'too_big':
      return `expected ${bound('at most', issue.maximum, issue.origin)}, received ${size(issue.input)}`;
    case 'unrecognized_keys':
      return `unexpected ${issue.keys.length === 1 ? 'key' : 'keys'} ${issue.keys.map((key) => JSON.stringify(key)).join(', ')}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    case 'invalid_format':
      return `expected the ${issue.format} format`;
    default:
      return 'invalid value';
  }
}

/**
 * Parse options that give every issue a readable message.
 *
 * @example
 * const result = nicknameSchema.safeParse(input, readableIssues);
 */
export const readableIssues = {
  /** zod's per-issue message hook: {@link explainIssue}. */
  error: explainIssue,
} as const;

function bound(words: string, limit: number | bigint, origin: string): string {
  if (origin === 'string') return `${words} ${limit} characters`;
  if (origin === 'array') return `${words} ${limit} items`;
  return `a number ${words} ${limit}`;
}

function size(input: unknown): string {
  if (typeof input === 'string') return `${input.length} characters`;
  if (Array.isArray(input)) return `${input.length} items`;
  return describe(input);
}

function describe(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  if (typeof input === 'number' && Number.isNaN(input)) return 'NaN';
  return typeof input;
}
