import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ECHO_STEP_1, ECHO_STEP_2, type TempRepo, tempRepo } from './helpers/temp-repo.ts';

let repo: TempRepo;
beforeEach(async () => {
  repo = tempRepo();
  await repo.script('generate');
});
afterEach(() => repo.remove());

describe('funws reset', () => {
  it('moves the learner files to a backup and restores the starter', async () => {
    repo.edit('exercises/00-echo/src/echo.ts', ...ECHO_STEP_1);
    const { code, stdout } = await repo.funws('reset', '00-echo');
    expect(code).toBe(0);
    const backup = /Your files are in (\.funws\/backups\/00-echo-[\dT-]+Z)\//.exec(stdout)?.[1];
    expect(backup, stdout).toBeDefined();
    expect(repo.read(`${backup}/src/echo.ts`)).toContain('reply = reply.trim();');
    expect(repo.read('exercises/00-echo/src/echo.ts')).toContain('// TODO(step 1)');
    expect(readdirSync(join(repo.root, '.funws/backups'))).toHaveLength(1);
  });

  it('asks which exercise when given none', async () => {
    const { code, stderr } = await repo.funws('reset');
    expect(stderr).toContain('Which exercise? Usage: npx funws reset <exercise>');
    expect(code).toBe(1);
    expect(existsSync(join(repo.root, '.funws/backups'))).toBe(false);
  });
});

describe('funws diff', () => {
  it('refuses until every step passes, unless forced', async () => {
    const refused = await repo.funws('diff', '00-echo');
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('Not yet: the diff shows the reference solution');

    const forced = await repo.funws('diff', '00-echo', '--force');
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain(
      '--- exercises/00-echo/src/echo.ts (yours)\n+++ solutions/00-echo/src/echo.ts (reference)\n@@ -4,7 +4,7 @@',
    );
    expect(forced.stdout).toContain('-  // TODO(step 1): Trim the spaces around the message\n');
    expect(forced.stdout).toContain('+  reply = reply.trim();\n');
    expect(forced.stdout).not.toContain('#region');
  });

  it('shows the diff once every step passes', async () => {
    repo.edit('exercises/00-echo/src/echo.ts', ...ECHO_STEP_1);
    repo.edit(
      'exercises/00-echo/src/echo.ts',
      ECHO_STEP_2[0],
      "  if (!reply) throw new Error('empty');",
    );
    expect((await repo.funws('test', '00-echo')).code).toBe(0);
    const { code, stdout } = await repo.funws('diff', '00-echo');
    expect(code).toBe(0);
    expect(stdout).toContain(
      "-  if (!reply) throw new Error('empty');\n+  if (reply === '') throw",
    );
    expect(stdout).toContain('1 file(s) differ from the reference.');
  });
});
