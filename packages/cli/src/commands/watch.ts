import { type FSWatcher, watch } from 'node:fs';
import { createInterface, emitKeypressEvents } from 'node:readline';
import { type ExerciseInfo, listExercises } from '../learner/exercise-info.ts';
import { runSteps } from '../learner/run-steps.ts';
import { loadState } from '../util/state.ts';
import { type Context, isDone, pickExercise } from './context.ts';
import { hintCommand } from './hint.ts';
import { printResults } from './print-results.ts';

/** Editors save in bursts (temp file, rename, chmod): wait for the burst to end. */
const DEBOUNCE_MS = 150;

/**
 * `funws watch [exercise]`: runs the current exercise, re-runs it whenever a
 * file in its folder changes, shows the first failing step, and moves on to
 * the next exercise when every step is green. Keys: h (hint), n (next
 * exercise), q (quit). Without a terminal, the same letters are read as lines.
 */
export function watchCommand(ctx: Context): Promise<number> {
  const { c, out } = ctx;
  const tty = Boolean(process.stdout.isTTY);
  let exercise = pickExercise(ctx, ctx.args[0]);
  let watcher: FSWatcher | undefined;
  let debounce: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;
  let finished = false;

  return new Promise<number>((resolve) => {
    const stopInput = listenForKeys((key) => {
      if (key === 'q') quit(0);
      else if (key === 'h') hintCommand({ ...ctx, args: [exercise.name], step: undefined });
      else if (key === 'n') moveOn(nextAfter(exercise), 'Skipping ahead to');
    });

    const quit = (code: number) => {
      if (finished) return;
      finished = true;
      clearTimeout(debounce);
      watcher?.close();
      stopInput();
      resolve(code);
    };

    const startWatching = () => {
      watcher?.close();
      watcher = watch(exercise.dir, { recursive: true }, (_event, file) => {
        if (file && /(^|[\\/])(node_modules|\.[^\\/]+)([\\/]|$)/.test(file)) return;
        clearTimeout(debounce);
        debounce = setTimeout(() => void run(), DEBOUNCE_MS);
      });
    };

    const moveOn = (next: ExerciseInfo | undefined, verb: string) => {
      if (!next) {
        out(c.green('Every exercise passes. That is the whole course: well done!'));
        quit(0);
        return;
      }
      out(c.bold(`${verb} ${next.name}.`));
      exercise = next;
      startWatching();
      void run();
    };

    const run = async (): Promise<void> => {
      if (running) {
        again = true;
        return;
      }
      if (!exercise.steps.length) {
        out(
          `${exercise.name} has no step tests (test/step-N-*.test.ts). Press n for the next exercise or q to quit.`,
        );
        return;
      }
      running = true;
      if (tty) out('\u001b[2J\u001b[H');
      out(c.dim(`Running ${exercise.name}…`));
      const results = await runSteps(ctx.root, exercise);
      if (finished) return;
      printResults(ctx, exercise, results);
      running = false;
      if (results.every((result) => result.passed)) {
        out(c.green(`✓ All ${results.length} steps of ${exercise.name} pass!`));
        const state = loadState(ctx.root);
        moveOn(
          listExercises(ctx.root).find((candidate) => !isDone(candidate, state)),
          'Moving on to',
        );
        return;
      }
      out(c.dim('Watching for changes. Keys: h hint · n next exercise · q quit'));
      if (again) {
        again = false;
        void run();
      }
    };

    startWatching();
    void run();
  });

  function nextAfter(current: ExerciseInfo): ExerciseInfo | undefined {
    const exercises = listExercises(ctx.root);
    return exercises[exercises.findIndex((candidate) => candidate.name === current.name) + 1];
  }
}

/**
 * Calls `onKey` with each key pressed (raw mode at a terminal) or each line's
 * first letter (when stdin is a pipe, as in tests). Returns a function that
 * stops listening and gives the terminal back.
 */
function listenForKeys(onKey: (key: string) => void): () => void {
  const { stdin } = process;
  if (stdin.isTTY) {
    emitKeypressEvents(stdin);
    stdin.setRawMode(true);
    const onKeypress = (text: string | undefined, key: { name?: string; ctrl?: boolean } = {}) => {
      if (key.ctrl && key.name === 'c') onKey('q');
      else onKey((text ?? key.name ?? '').toLowerCase());
    };
    stdin.on('keypress', onKeypress);
    stdin.resume();
    return () => {
      stdin.off('keypress', onKeypress);
      stdin.setRawMode(false);
      stdin.pause();
    };
  }
  const lines = createInterface({ input: stdin });
  lines.on('line', (line) => onKey(line.trim().charAt(0).toLowerCase()));
  return () => {
    lines.close();
    // A pipe left open by the parent would otherwise keep the process alive.
    stdin.destroy();
  };
}
