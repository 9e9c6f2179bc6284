import { parseArgs } from 'node:util';
import { type Context, UsageError } from './commands/context.ts';
import { diffCommand } from './commands/diff.ts';
import { COMMANDS, type CommandName, helpCommand } from './commands/help.ts';
import { hintCommand } from './commands/hint.ts';
import { listCommand } from './commands/list.ts';
import { resetCommand } from './commands/reset.ts';
import { testCommand } from './commands/test.ts';
import { verifyCommand } from './commands/verify.ts';
import { watchCommand } from './commands/watch.ts';
import { isExerciseError } from './exercises/exercise-error.ts';
import { DEFAULT_COURSE_URL } from './exercises/layout.ts';
import { courseUrl } from './learner/course-url.ts';
import { colors } from './util/colors.ts';
import { findRoot } from './util/root.ts';

const run: Record<CommandName, (ctx: Context) => number | Promise<number>> = {
  list: listCommand,
  watch: watchCommand,
  hint: hintCommand,
  test: testCommand,
  verify: verifyCommand,
  reset: resetCommand,
  diff: diffCommand,
  help: helpCommand,
};

/**
 * The `funws` entry point: parses the command line, runs one command, and
 * turns a friendly refusal into its message and exit code 1.
 */
async function main(argv: string[]): Promise<number> {
  const out = (line = '') => console.log(line);
  const c = colors();
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    console.error(`funws: ${(error as Error).message}. Try npx funws help.`);
    return 1;
  }
  const [name = 'list', ...args] = parsed.positionals;
  if (parsed.values.help || name === 'help')
    return helpCommand({
      root: '',
      c,
      out,
      args,
      step: undefined,
      force: false,
      courseUrl: DEFAULT_COURSE_URL,
    });
  if (!isCommand(name)) {
    console.error(`funws: unknown command "${name}". The commands are: ${COMMANDS.join(', ')}.`);
    return 1;
  }
  const step = parsed.values.step === undefined ? undefined : Number(parsed.values.step);
  if (step !== undefined && !Number.isInteger(step)) {
    console.error(
      `funws: --step takes a step number, like --step 2 (got "${parsed.values.step}").`,
    );
    return 1;
  }
  try {
    const root = findRoot();
    return await run[name]({
      root,
      c,
      out,
      args,
      step,
      force: parsed.values.force ?? false,
      courseUrl: await courseUrl(root),
      // npx and npm run start the command at the workspace root; INIT_CWD is where the learner was.
      cwd: process.env.INIT_CWD ?? process.cwd(),
    });
  } catch (error) {
    if (error instanceof UsageError || isExerciseError(error) || isRootError(error)) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      step: { type: 'string', short: 's' },
      force: { type: 'boolean', short: 'f' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

function isRootError(error: unknown): error is Error {
  return (
    error instanceof Error && error.message.startsWith('Not inside the Fun with WebSockets repo')
  );
}

function isCommand(name: string): name is CommandName {
  return (COMMANDS as readonly string[]).includes(name);
}

// `npx funws list | head` closes the pipe early; that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2));
