import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TempRepo, tempRepo } from './helpers/temp-repo.ts';

let repo: TempRepo;
beforeEach(async () => {
  repo = tempRepo();
  await repo.script('generate');
});
afterEach(() => repo.remove());

describe('exercises:check', () => {
  it('proves each step fails on the starter and passes on the solution', async () => {
    const { code, stdout } = await repo.script('check');
    expect(stdout).toMatch(/00-echo\s+1\s+test\/step-1-trim\.test\.ts\s+✗ fails\s+✓ passes/);
    expect(stdout).toMatch(
      /00-echo\s+2\s+test\/step-2-refuse-empty\.test\.ts\s+✗ fails\s+✓ passes/,
    );
    expect(stdout).toContain('exercise check: 2 steps, 2 fail before and pass after\n');
    expect(code).toBe(0);
  });

  it('catches a committed exercise that drifted from the generator, and a step that passes on the starter', async () => {
    repo.edit(
      'exercises/00-echo/src/echo.ts',
      '  // TODO(step 1): Trim the spaces around the message',
      '  reply = reply.trim();',
    );
    const { code, stdout } = await repo.script('check');
    expect(stdout).toContain(
      '✗ 00-echo: exercises/00-echo is not what the generator makes; run npm run exercises:generate',
    );
    expect(stdout).toContain('src/echo.ts (differs)');
    expect(stdout).toMatch(/step 1 \(test\/step-1-trim\.test\.ts\) passes on the starter/);
    expect(stdout).toMatch(/✓ passes \(should fail\)/);
    expect(stdout).toContain('exercise check: 2 steps, 1 fail before and pass after; 2 problems');
    expect(code).toBe(1);
  });

  it('catches a step without hints and a test without a goal', async () => {
    repo.edit(
      'solutions/00-echo/exercise/hints.md',
      '## Step 2: Refuse an empty message with an error',
      '## Later',
    );
    repo.edit('solutions/00-echo/test/step-1-trim.test.ts', '// Goal:', '//');
    await repo.script('generate');
    const { code, stdout } = await repo.script('check');
    expect(stdout).toContain('✗ 00-echo: step 2 has no hints in exercise/hints.md');
    expect(stdout).toContain(
      '✗ 00-echo: test/step-1-trim.test.ts should open with a "// Goal: …" comment',
    );
    expect(code).toBe(1);
  });
});
