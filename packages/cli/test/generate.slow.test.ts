import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listFiles } from '../src/exercises/walk.ts';
import { type TempRepo, tempRepo } from './helpers/temp-repo.ts';

let repo: TempRepo;
beforeEach(() => {
  repo = tempRepo();
});
afterEach(() => repo.remove());

describe('exercises:generate', () => {
  it('writes the exercise with TODOs in place of the regions', async () => {
    const { code, stdout } = await repo.script('generate');
    expect(code).toBe(0);
    expect(stdout).toContain('wrote exercises/00-echo (2 steps, 9 files)');
    const echo = repo.read('exercises/00-echo/src/echo.ts');
    expect(echo).toContain(
      '  // TODO(step 1): Trim the spaces around the message\n  // TODO(step 2): Refuse an empty message with an error\n',
    );
    expect(echo).not.toContain('trim()');
    expect(echo).not.toContain('#region');
  });

  it('copies step tests and helpers, and leaves out other tests, the README and the exercise folder', async () => {
    await repo.script('generate');
    expect(listFiles(join(repo.root, 'exercises/00-echo'))).toEqual([
      'README.md',
      'hints.md',
      'package.json',
      'public/index.html',
      'src/echo.ts',
      'test/helpers.ts',
      'test/step-1-trim.test.ts',
      'test/step-2-refuse-empty.test.ts',
      'vitest.config.ts',
    ]);
    expect(repo.read('exercises/00-echo/README.md')).toContain('# Exercise 00: echo');
    expect(JSON.parse(repo.read('exercises/00-echo/package.json'))).toMatchObject({
      name: '@funws/exercise-00-echo',
      scripts: { test: 'vitest run' },
    });
  });

  it('gives identical bytes when run twice, and removes files the solution no longer has', async () => {
    await repo.script('generate');
    const first = readFileSync(join(repo.root, 'exercises/00-echo/src/echo.ts'));
    repo.write('exercises/00-echo/stale.ts', 'old\n');
    await repo.script('generate', '00-echo');
    expect(readFileSync(join(repo.root, 'exercises/00-echo/src/echo.ts')).equals(first)).toBe(true);
    expect(existsSync(join(repo.root, 'exercises/00-echo/stale.ts'))).toBe(false);
  });

  it('stops with the file and line of a broken marker', async () => {
    repo.edit('solutions/00-echo/src/echo.ts', '  // #endregion step-1\n', '');
    const { code, stderr } = await repo.script('generate');
    expect(code).toBe(1);
    expect(stderr).toContain(
      'exercises:generate: solutions/00-echo/src/echo.ts:9: step-2 region opens inside the step-1 region opened on line 7',
    );
  });
});
