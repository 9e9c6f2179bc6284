import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ECHO_STEP_1, type TempRepo, tempRepo } from './helpers/temp-repo.ts';

let repo: TempRepo;
beforeEach(async () => {
  repo = tempRepo();
  await repo.script('generate');
});
afterEach(() => repo.remove());

describe('funws list and test', () => {
  it('lists the exercise with no step done, then one once step 1 is fixed', async () => {
    const before = await repo.funws();
    expect(before.stdout).toContain('0/2 steps');
    expect(before.stdout).toMatch(/00-echo {2}0\/2 {2}← current/);
    expect(before.stdout).toContain('· step 1  Trim the spaces around the message');
    expect(before.stdout).toContain('lesson: http://localhost:4321/lessons/00-echo/');

    repo.edit('exercises/00-echo/src/echo.ts', ...ECHO_STEP_1);
    const tested = await repo.funws('test', '00-echo');
    expect(tested.code).toBe(1);
    expect(tested.stdout).toContain('✓ step 1  Trim the spaces around the message');
    expect(tested.stdout).toContain('Step 2 fails (test/step-2-refuse-empty.test.ts):');
    expect(tested.stdout).toContain('echoReply("") should throw');

    const after = await repo.funws('list');
    expect(after.stdout).toContain('1/2 steps');
    expect(after.stdout).toContain('✓ step 1  Trim the spaces around the message');
    expect(after.stdout).toContain('· step 2  Refuse an empty message with an error');
  });

  it('verifies every exercise and exits 1 while a step fails', async () => {
    const { code, stdout } = await repo.funws('verify');
    expect(stdout).toMatch(/00-echo\s+0\/2\s+✗ fails\s+1: Trim the spaces around the message/);
    expect(code).toBe(1);
  });
});

describe('funws hint', () => {
  it('gives the hints of the first failing step in order, one more each call', async () => {
    const first = await repo.funws('hint');
    expect(first.stdout).toContain(
      '00-echo, step 1: Trim the spaces around the message\nHint 1 of 2\n\nStrings have a method for this.',
    );
    const second = await repo.funws('hint', '00-echo');
    expect(second.stdout).toContain('Hint 2 of 2\n\n`reply = reply.trim();`');
    expect(second.stdout).toContain('That was the last hint.');
    const other = await repo.funws('hint', '00', '--step', '2');
    expect(other.stdout).toContain('Hint 1 of 2\n\nCheck `reply` after trimming.');
  });
});
