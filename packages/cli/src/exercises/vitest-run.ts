import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';

/** One test (an `it`) of a test file. */
export interface TestOutcome {
  name: string;
  passed: boolean;
  failureMessages: string[];
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

interface JsonReport {
  testResults?: Array<{
    name: string;
    status: string;
    message?: string;
    assertionResults?: Array<{ fullName: string; status: string; failureMessages?: string[] }>;
  }>;
}

/**
 * Runs vitest once in `cwd` (so that folder's own vitest.config.ts applies)
 * with the JSON reporter, and gives back each test file's result. `filters`
 * narrow the files, as on vitest's command line (`step-`, `step-2`).
 *
 * @throws Error with vitest's own output when it produced no report at all
 * (a broken config, say): a failing test is a result, not an error.
 *
 * @example
 * const run = await runVitest('exercises/04-broadcast-chat', ['step-']);
 * run.files.get('test/step-1-join.test.ts')?.passed;
 */
export async function runVitest(cwd: string, filters: string[] = []): Promise<VitestRun> {
  const scratch = mkdtempSync(join(tmpdir(), 'funws-vitest-'));
  const report = join(scratch, 'report.json');
  const started = Date.now();
  try {
    const args = [vitestBin(cwd), 'run', '--reporter=json', `--outputFile=${report}`];
    const output = await run(process.execPath, [...args, '--passWithNoTests', ...filters], cwd);
    if (!existsSync(report)) {
      throw new Error(`vitest gave no report in ${cwd}:\n${stripAnsi(output).slice(-3000)}`);
    }
    const json = JSON.parse(readFileSync(report, 'utf8')) as JsonReport;
    return { files: outcomes(json, cwd), durationMs: Date.now() - started };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
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

function outcomes(json: JsonReport, cwd: string): Map<string, FileOutcome> {
  const files = new Map<string, FileOutcome>();
  for (const result of json.testResults ?? []) {
    const file = relative(cwd, result.name).split(sep).join('/');
    files.set(file, {
      file,
      passed: result.status === 'passed',
      message: stripAnsi(result.message ?? ''),
      tests: (result.assertionResults ?? []).map((test) => ({
        name: test.fullName,
        passed: test.status === 'passed',
        failureMessages: (test.failureMessages ?? []).map(stripAnsi),
      })),
    });
  }
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** vitest's own entry script, found the way npm would: walking up from `cwd`. */
function vitestBin(cwd: string): string {
  for (let dir = cwd; ; dir = dirname(dir)) {
    const bin = join(dir, 'node_modules', 'vitest', 'vitest.mjs');
    if (existsSync(bin)) return bin;
    if (dirname(dir) === dir)
      throw new Error(`vitest is not installed above ${cwd}: run npm install at the repo root`);
  }
}

function run(command: string, args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('error', reject);
    // vitest exits non-zero when tests fail; the report says which, so the code is not an error.
    child.once('close', () => resolve(output));
  });
}
