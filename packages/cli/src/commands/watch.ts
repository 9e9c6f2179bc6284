import { createInterface, emitKeypressEvents } from 'node:readline';
import { STEP_FILTER } from '../exercises/file-rules.ts';
import { type ExerciseInfo, listExercises, readExercise } from '../learner/exercise-info.ts';
import { recordProgress, stepResults } from '../learner/run-steps.ts';
import type { FileOutcome } from '../runner/outcome.ts';
import { type VitestWatch, watchVitest } from '../runner/watch.ts';
import { loadState } from '../util/state.ts';
import { type Context, isDone, pickExercise } from './context.ts';
import { hintCommand } from './hint.ts';
import { printResults, printSuccess } from './print-results.ts';

/**
 * `funws watch [exercise]`: keeps one vitest running on the current exercise,
 * which re-runs the step tests a save affects, and shows the steps and the
 * first failing one after each run. When every step passes, the success stays
 * on screen with what to do next; `n` moves on to the next exercise in course
 * order, only when asked. Keys: h (hint), n (next exercise), q (quit).
 * Without a terminal, the same letters are read as lines.
 */
export function watchCommand(ctx: Context): Promise<number> {
  const { c, out } = ctx;
  const tty = Boolean(process.stdout.isTTY);
  let exercise = pickExercise(ctx, ctx.args[0]);
  let watch: VitestWatch | undefined;
  let finished = false;
  let started = Date.now();

  return new Promise<number>((resolve) => {
    // Killed rather than quit (a closed terminal sends SIGHUP, a script SIGTERM):
    // stop vitest first, or it would keep watching, orphaned, after we are gone.
    const signals = ['SIGTERM', 'SIGHUP', 'SIGINT'] as const;
    const onSignal = () => void quit(0);
    for (const signal of signals) process.once(signal, onSignal);

    const quit = async (code: number) => {
      if (finished) return;
      finished = true;
      for (const signal of signals) process.off(signal, onSignal);
      stopInput();
      await watch?.stop();
      resolve(code);
    };

    const stopInput = listenForKeys((key) => {
      if (key === 'q') void quit(0);
      else if (key === 'h') hintCommand({ ...ctx, args: [exercise.name], step: undefined });
      else if (key === 'n') void moveOn();
    });

    const moveOn = async () => {
      const next = nextAfter(exercise);
      if (!next) {
        out(c.green('That was the last exercise: there is no next one. Well done!'));
        void quit(0);
        return;
      }
      await watch?.stop();
      if (finished) return;
      exercise = next;
      out(c.bold(`On to ${next.name}.`));
      start();
    };

    const showResults = (files: ReadonlyMap<string, FileOutcome>) => {
      // Re-read: the learner may have added hints or tests since.
      exercise = readExercise(ctx.root, exercise.name);
      const results = stepResults(exercise, files);
      recordProgress(ctx.root, exercise, results);
      if (tty) out('\u001b[2J\u001b[H');
      printResults(ctx, exercise, results);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      if (results.length && results.every((result) => result.passed)) {
        printSuccess(ctx, exercise, results.length);
        out('');
        const following = nextAfter(exercise);
        const state = loadState(ctx.root);
        const left = listExercises(ctx.root).find((other) => !isDone(other, state));
        out(
          following
            ? `Press n to start the next exercise, ${c.bold(following.name)}. Still watching: a change re-runs the tests.`
            : left
              ? `That was the last exercise. ${left.name} still has steps to do: npx funws watch ${left.name}`
              : c.green('Every exercise passes: that is the whole course. Well done!'),
        );
        out(c.dim(`Ran in ${seconds} s. Keys: n next exercise · q quit`));
        return;
      }
      out(
        c.dim(`Ran in ${seconds} s. Watching for changes. Keys: h hint · n next exercise · q quit`),
      );
    };

    const start = () => {
      if (!exercise.steps.length) {
        out(
          `${exercise.name} has no step tests (test/step-N-*.test.ts). Press n for the next exercise or q to quit.`,
        );
        return;
      }
      started = Date.now();
      out(c.dim(`Running ${exercise.name}…`));
      watch = watchVitest(exercise.dir, [STEP_FILTER], {
        onRunStart: () => {
          started = Date.now();
        },
        onRunEnd: (files) => {
          if (!finished) showResults(files);
        },
        onExit: (output) => {
          out(c.red(`vitest stopped in ${exercise.name}:`));
          out(output.trim().split('\n').slice(-30).join('\n'));
          void quit(1);
        },
      });
    };

    start();
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
