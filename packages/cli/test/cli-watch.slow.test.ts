import { execFileSync, spawn } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ECHO_STEP_1,
  ECHO_STEP_2,
  FUNWS_BIN,
  REPO_ROOT,
  type TempRepo,
  tempRepo,
} from './helpers/temp-repo.ts';

let repo: TempRepo;
let stop: (() => void) | undefined;
beforeEach(async () => {
  repo = tempRepo();
  await repo.script('generate');
});
afterEach(() => {
  stop?.();
  stop = undefined;
  repo.remove();
});

/** `funws watch` as a child process, and a way to await a line of its output. */
function startWatch(root: string, ...args: string[]) {
  const child = spawn(process.execPath, [FUNWS_BIN, 'watch', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, FUNWS_ROOT: root, NO_COLOR: '1' },
  });
  stop = () => child.kill();
  let output = '';
  const waiters: Array<() => void> = [];
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    for (const wake of waiters.splice(0)) wake();
  });
  const until = (text: string, from = 0) =>
    new Promise<number>((resolve, reject) => {
      const check = () => {
        const at = output.indexOf(text, from);
        if (at >= 0) resolve(at + text.length);
        else if (child.exitCode !== null)
          reject(new Error(`watch exited before printing "${text}":\n${output}`));
        else waiters.push(check);
      };
      check();
    });
  const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
  return { child, until, exited, output: () => output };
}

/** A second exercise after 00-echo, to move on to: a copy under another name. */
function addSecondExercise(root: string): void {
  cpSync(join(root, 'exercises/00-echo'), join(root, 'exercises/00-echo-again'), {
    recursive: true,
  });
  const manifest = join(root, 'exercises/00-echo-again/package.json');
  writeFileSync(
    manifest,
    readFileSync(manifest, 'utf8').replace('exercise-00-echo', 'exercise-00-echo-again'),
  );
}

/** The pids of a process's vitest children (Linux `ps`, as on CI and the course's machines). */
function vitestChildren(pid: number): number[] {
  const out = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(pid)], { encoding: 'utf8' });
  return out
    .split('\n')
    .filter((line) => line.includes('vitest'))
    .map((line) => Number.parseInt(line, 10));
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('funws watch', () => {
  it('stops its vitest when it is terminated (SIGTERM), leaving nothing running', async () => {
    const watch = startWatch(repo.root);
    await watch.until('Keys: h hint · n next exercise · q quit');
    const vitest = vitestChildren(watch.child.pid ?? 0);
    expect(vitest.length).toBeGreaterThan(0);
    watch.child.kill('SIGTERM');
    expect(await watch.exited).toBe(0);
    expect(vitest.filter(isRunning)).toEqual([]);
  });

  it('shows the first failing step with its diff, a hint on h, and re-runs on save', async () => {
    const watch = startWatch(repo.root);
    let at = await watch.until('Step 1 fails (test/step-1-trim.test.ts):');
    at = await watch.until('Expected: "echo: hello"', at);
    at = await watch.until('Received: "echo:   hello  "', at);
    at = await watch.until('Keys: h hint · n next exercise · q quit', at);
    watch.child.stdin.write('h\n');
    at = await watch.until('Hint 1 of 2\n\nStrings have a method for this.', at);

    repo.edit('exercises/00-echo/src/echo.ts', ...ECHO_STEP_1);
    await watch.until('Step 2 fails (test/step-2-refuse-empty.test.ts):', at);
    watch.child.stdin.write('q\n');
    expect(await watch.exited).toBe(0);
  });

  it('keeps the success on screen with what to do next, and moves on only when asked', async () => {
    addSecondExercise(repo.root);
    const watch = startWatch(repo.root, '00-echo');
    let at = await watch.until('Keys: h hint');
    repo.edit('exercises/00-echo/src/echo.ts', ...ECHO_STEP_1);
    repo.edit('exercises/00-echo/src/echo.ts', ...ECHO_STEP_2);
    at = await watch.until('✓ All 2 steps of 00-echo pass!', at);
    at = await watch.until('What next:', at);
    at = await watch.until('npx funws diff 00-echo', at);
    at = await watch.until('lesson', at);
    at = await watch.until('Press n to start the next exercise, 00-echo-again.', at);
    await watch.until('Keys: n next exercise · q quit', at);
    const success = watch.output().length;
    // Nothing moves on by itself: the success is the last thing on screen until n.
    expect(watch.output()).not.toContain('00-echo-again  0/2');

    watch.child.stdin.write('n\n');
    at = await watch.until('On to 00-echo-again.', success);
    at = await watch.until('00-echo-again  0/2 steps pass', at);
    await watch.until('Step 1 fails', at);
    watch.child.stdin.write('q\n');
    expect(await watch.exited).toBe(0);
  });

  it('says when the last exercise is done', async () => {
    repo.edit('exercises/00-echo/src/echo.ts', ...ECHO_STEP_1);
    repo.edit('exercises/00-echo/src/echo.ts', ...ECHO_STEP_2);
    const watch = startWatch(repo.root);
    await watch.until('Every exercise passes: that is the whole course. Well done!');
    watch.child.stdin.write('n\n');
    await watch.until('That was the last exercise: there is no next one.');
    expect(await watch.exited).toBe(0);
  });
});
