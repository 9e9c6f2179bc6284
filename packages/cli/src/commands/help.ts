import type { Context } from './context.ts';

/** The commands, for `funws help` and for the message after a typo. */
export const COMMANDS = [
  'list',
  'watch',
  'hint',
  'test',
  'verify',
  'reset',
  'diff',
  'help',
] as const;

/** One of {@link COMMANDS}. */
export type CommandName = (typeof COMMANDS)[number];

/** `funws help`: what each command does. */
export function helpCommand({ c, out }: Context): number {
  out(`${c.bold('funws')}: the learner's CLI for the Fun with WebSockets exercises.`);
  out('');
  out('Usage: npx funws [command] [exercise] [options]');
  out('');
  out('  list                        every exercise, its steps and your progress (the default)');
  out(
    '  watch [exercise]            run the current exercise on every save; keys h hint, n next, q quit',
  );
  out(
    '  hint [exercise] [--step N]  the next hint for the first failing step (one more each time)',
  );
  out('  test [exercise] [--step N]  run an exercise (or one step) once');
  out('  verify                      run every exercise; exit 1 if any step fails');
  out(
    '  reset <exercise>            back up your files to .funws/backups/ and restore the starter',
  );
  out(
    '  diff <exercise> [--force]   your code against the reference solution (once every step passes)',
  );
  out('  help                        this text');
  out('');
  out('An exercise may be named by a unique prefix: npx funws watch 04');
  out('Inside an exercise folder, npm test runs its steps and npm test -- step-2 runs one.');
  return 0;
}
