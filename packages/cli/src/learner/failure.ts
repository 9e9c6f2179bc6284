import type { FileOutcome } from '../runner/outcome.ts';

/** How many lines of one failure a learner needs to see. */
const MAX_LINES = 25;

/**
 * A failing test file's output, trimmed to what matters: each failing test's
 * name, its message (expected, received, the hint in it) and the stack frames
 * in the learner's own files, with paths relative to the exercise.
 *
 * @example
 * console.log(formatFailure(outcome, '/repo/exercises/04-broadcast-chat'));
 */
export function formatFailure(outcome: FileOutcome, dir: string): string {
  const parts: string[] = [];
  if (outcome.message.trim()) parts.push(trim(outcome.message, dir));
  for (const test of outcome.tests.filter((test) => !test.passed)) {
    parts.push(`✗ ${test.name}`);
    for (const message of test.failureMessages) parts.push(indent(trim(message, dir)));
  }
  if (!parts.length) parts.push('The file ran no tests. Is it empty, or does it skip them?');
  return parts.join('\n');
}

function trim(message: string, dir: string): string {
  const lines = message
    .split('\n')
    .filter((line) => !/^\s*at /.test(line) || isOwnFrame(line))
    .map((line) =>
      line
        .split(`${dir}/`)
        .join('')
        .replace(/file:\/\//g, ''),
    );
  const kept = lines.slice(0, MAX_LINES);
  if (lines.length > kept.length) kept.push(`… (${lines.length - kept.length} more lines)`);
  return kept.join('\n').trimEnd();
}

function isOwnFrame(line: string): boolean {
  return !/node_modules|node:|<anonymous>/.test(line);
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}
