import { spawn } from 'node:child_process';
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
beforeEach(async () => {
  repo = tempRepo();
  await repo.script('generate');
});
afterEach(() => repo.remove());

/** `funws watch` as a child process, and a way to await a line of its output. */
function startWatch(root: string) {
  const child = spawn(process.execPath, [FUNWS_BIN, 'watch'], {
    cwd: REPO_ROOT,
    env: { ...process.env, FUNWS_ROOT: root, NO_COLOR: '1' },
  });
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

describe('funws watch', () => {
  it('shows the first failing step, a hint on h, re-runs on save and finishes when green', async () => {
    const watch = startWatch(repo.root);
    let at = await watch.until('Step 1 fails (test/step-1-trim.test.ts):');
    at = await watch.until('Keys: h hint · n next exercise · q quit', at);
    watch.child.stdin.write('h\n');
    at = await watch.until('Hint 1 of 2\n\nStrings have a method for this.', at);

    repo.edit('exercises/00-echo/src/echo.ts', ...ECHO_STEP_1);
    at = await watch.until('Step 2 fails (test/step-2-refuse-empty.test.ts):', at);

    repo.edit('exercises/00-echo/src/echo.ts', ...ECHO_STEP_2);
    await watch.until('✓ All 2 steps of 00-echo pass!', at);
    expect(await watch.exited).toBe(0);
    expect(watch.output()).toContain('Every exercise passes.');
  });

  it('quits on q', async () => {
    const watch = startWatch(repo.root);
    await watch.until('Keys: h hint');
    watch.child.stdin.write('q\n');
    expect(await watch.exited).toBe(0);
  });
});
