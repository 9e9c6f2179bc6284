/** One failure of a test: what vitest says, its expected/received diff, and where. */
export interface TestFailure {
  /** The assertion's message, hint included (`expected 1 to be 2 // Object.is equality`). */
  message: string;
  /** Vitest's `- Expected + Received` diff, when the assertion compared two values. */
  diff?: string;
  /** Stack frames as `file:line:column`, outside node_modules and node itself. */
  frames: string[];
}

/** One test (an `it`) of a test file. */
export interface TestOutcome {
  name: string;
  passed: boolean;
  /** Each failure as one text: message, then the stack. Kept for callers that print text. */
  failureMessages: string[];
  /** The same failures, in parts, with vitest's diff. Empty when the test passed. */
  failures: TestFailure[];
}

/** One test file's result. */
export interface FileOutcome {
  /** Relative to the folder the tests ran in, with `/`. */
  file: string;
  passed: boolean;
  /** Why the whole file failed (say, a syntax error in an import), or ''. */
  message: string;
  tests: TestOutcome[];
}

/** What one vitest run in one folder found. */
export interface VitestRun {
  files: Map<string, FileOutcome>;
  durationMs: number;
}

/**
 * What the reporter sends its parent process at the end of each run (and, in
 * watch mode, of each re-run): the files that ran, as {@link FileOutcome}s,
 * and errors that belong to no test.
 */
export interface RunMessage {
  type: 'funws:run-end';
  files: FileOutcome[];
  /** Errors outside any test (an unhandled rejection, a crash), as text. */
  errors: string[];
}

/**
 * What the reporter sends as soon as one test file has finished, before the
 * run ends: lets a caller show each step's result as it comes (the course's
 * "Check my work" streams them to the page).
 */
export interface FileEndMessage {
  type: 'funws:file-end';
  file: FileOutcome;
}

/** Every message the reporter sends. */
export type ReporterMessage = RunMessage | RunStartMessage | FileEndMessage;

/** What the reporter sends when a run (or a re-run in watch mode) starts. */
export interface RunStartMessage {
  type: 'funws:run-start';
  /** The test files about to run, relative to the root, with `/`. */
  files: string[];
}

/**
 * Removes terminal colour codes, which vitest writes into some messages.
 *
 * @example
 * stripAnsi('\u001b[31mred\u001b[0m'); // → 'red'
 */
export function stripAnsi(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching the escape character is the point
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}
