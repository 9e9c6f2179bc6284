import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A learner's progress on one exercise. */
export interface ExerciseState {
  /** Steps whose test passed on the last run, sorted. */
  passed: number[];
  /** Step → how many of its hints the learner has seen. */
  hintsShown: Record<string, number>;
  /** ISO time of the last test run. */
  lastRun?: string;
}

/** Everything `.funws/state.json` remembers. */
export interface State {
  version: 1;
  exercises: Record<string, ExerciseState>;
}

/**
 * Where progress lives: `<root>/.funws/state.json`, which git ignores.
 *
 * @example
 * statePath('/work/main'); // → '/work/main/.funws/state.json'
 */
export function statePath(root: string): string {
  return join(root, '.funws', 'state.json');
}

/**
 * Reads the learner's progress; a missing or unreadable file is a fresh start
 * rather than an error (the file is only a cache of test results and hints).
 *
 * @example
 * const state = loadState(root);
 */
export function loadState(root: string): State {
  const file = statePath(root);
  if (!existsSync(file)) return { version: 1, exercises: {} };
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<State>;
    return { version: 1, exercises: parsed.exercises ?? {} };
  } catch {
    return { version: 1, exercises: {} };
  }
}

/**
 * Saves progress, through a temporary file so a crash never leaves half a file.
 *
 * @example
 * saveState(root, state);
 */
export function saveState(root: string, state: State): void {
  const file = statePath(root);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}

/**
 * The entry for one exercise, created empty when it has none yet.
 *
 * @example
 * exerciseState(state, '04-broadcast-chat').passed; // → [1, 2]
 */
export function exerciseState(state: State, name: string): ExerciseState {
  state.exercises[name] ??= { passed: [], hintsShown: {} };
  return state.exercises[name];
}
