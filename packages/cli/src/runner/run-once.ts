import { type FileOutcome, stripAnsi, type VitestRun } from './outcome.ts';
import { spawnVitest } from './spawn-vitest.ts';

/**
 * Runs vitest once in `cwd` (so that folder's own vitest.config.ts applies)
 * and gives back each test file's result, with vitest's expected/received
 * diffs. `filters` narrow the files, as on vitest's command line (`step-`,
 * `step-2`); `config` picks another config file; `onFile` hears of each file
 * as soon as it has finished, before the run ends.
 *
 * @throws Error with vitest's own output when it produced no report at all
 * (a broken config, say): a failing test is a result, not an error.
 *
 * @example
 * const run = await runVitest('exercises/04-broadcast-chat', ['step-']);
 * run.files.get('test/step-1-send-history.test.ts')?.passed;
 */
export function runVitest(
  cwd: string,
  filters: string[] = [],
  options: {
    config?: string;
    env?: NodeJS.ProcessEnv;
    onFile?: (file: FileOutcome) => void;
  } = {},
): Promise<VitestRun> {
  const started = Date.now();
  return new Promise<VitestRun>((resolve, reject) => {
    const files = new Map<string, FileOutcome>();
    let ended = false;
    const { onFile, ...spawnOptions } = options;
    const { child, output } = spawnVitest(cwd, 'run', filters, spawnOptions, (message) => {
      if (message.type === 'funws:file-end') onFile?.(message.file);
      if (message.type !== 'funws:run-end') return;
      ended = true;
      for (const file of message.files) files.set(file.file, file);
    });
    child.once('error', reject);
    // vitest exits non-zero when tests fail; the report says which, so the code is not an error.
    child.once('close', () => {
      if (!ended) {
        reject(new Error(`vitest gave no report in ${cwd}:\n${stripAnsi(output()).slice(-3000)}`));
        return;
      }
      resolve({ files: sortByPath(files), durationMs: Date.now() - started });
    });
  });
}

function sortByPath(files: Map<string, FileOutcome>): Map<string, FileOutcome> {
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
