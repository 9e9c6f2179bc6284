import type { FileOutcome, TestFailure } from '../runner/outcome.ts';

/** How many lines of one failure's message and frames a learner needs to see. */
const MAX_LINES = 25;
/** Unchanged lines kept around each changed line of a diff. */
const DIFF_CONTEXT = 3;
/** A diff longer than this, after trimming to its context, is cut. */
const MAX_DIFF_LINES = 40;

/**
 * A failing test file's output, trimmed to what matters: each failing test's
 * name, its message (with the hint in it), vitest's expected/received diff
 * around the lines that differ, and the stack frames in the learner's own
 * files, with paths relative to the exercise.
 *
 * @example
 * console.log(formatFailure(outcome, '/repo/exercises/04-broadcast-chat'));
 */
export function formatFailure(outcome: FileOutcome, dir: string): string {
  const parts: string[] = [];
  if (outcome.message.trim()) parts.push(trim(outcome.message, dir));
  for (const test of outcome.tests.filter((candidate) => !candidate.passed)) {
    parts.push(`✗ ${test.name}`);
    const failures: TestFailure[] = test.failures?.length
      ? test.failures
      : test.failureMessages.map((message) => ({ message, frames: [] }));
    for (const failure of failures) parts.push(indent(describe(failure, dir)));
  }
  if (!parts.length) parts.push('The file ran no tests. Is it empty, or does it skip them?');
  return parts.join('\n');
}

function describe(failure: TestFailure, dir: string): string {
  const lines = [trim(failure.message, dir)];
  if (failure.diff) lines.push('', aroundChanges(failure.diff));
  const frames = failure.frames.filter(isOwnFrame).map((frame) => `at ${relativeTo(frame, dir)}`);
  if (frames.length) lines.push('', ...frames.slice(0, 3));
  return lines.join('\n');
}

/**
 * The diff's header and the lines near a change: vitest prints whole objects,
 * and the one field that differs must not be lost in the middle of them.
 */
function aroundChanges(diff: string): string {
  const lines = diff.replace(/\s+$/, '').split('\n');
  const changed = (line: string) => /^[-+]/.test(line) && !/^[-+] (Expected|Received)\b/.test(line);
  // Short values come as "Expected: …" and "Received: …": nothing to trim.
  if (!lines.some(changed)) return lines.join('\n');
  const keep = new Set<number>();
  lines.forEach((line, index) => {
    if (/^[-+] (Expected|Received)\b/.test(line) || (line === '' && index < 3)) keep.add(index);
    if (!changed(line)) return;
    for (let near = index - DIFF_CONTEXT; near <= index + DIFF_CONTEXT; near += 1) keep.add(near);
  });
  // A gap of one line is shown as itself: a "…" would hide nothing.
  for (const index of [...keep]) {
    if (!keep.has(index + 1) && keep.has(index + 2)) keep.add(index + 1);
  }
  const out: string[] = [];
  let skipped = false;
  lines.forEach((line, index) => {
    if (keep.has(index)) {
      if (skipped) out.push('  …');
      skipped = false;
      out.push(line);
    } else {
      skipped = true;
    }
  });
  if (skipped) out.push('  …');
  if (out.length > MAX_DIFF_LINES) {
    return [...out.slice(0, MAX_DIFF_LINES), `… (${out.length - MAX_DIFF_LINES} more lines)`].join(
      '\n',
    );
  }
  return out.join('\n');
}

function trim(message: string, dir: string): string {
  const lines = message
    .split('\n')
    .filter((line) => !/^\s*at /.test(line) || isOwnFrame(line))
    .map((line) => relativeTo(line, dir));
  const kept = lines.slice(0, MAX_LINES);
  if (lines.length > kept.length) kept.push(`… (${lines.length - kept.length} more lines)`);
  return kept.join('\n').trimEnd();
}

function relativeTo(text: string, dir: string): string {
  return text
    .split(`${dir}/`)
    .join('')
    .replace(/file:\/\//g, '');
}

function isOwnFrame(line: string): boolean {
  return !/node_modules|node:|<anonymous>/.test(line);
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => (line ? `    ${line}` : ''))
    .join('\n');
}
