import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TempRepo, tempRepo } from './helpers/temp-repo.ts';

let repo: TempRepo;
beforeEach(() => {
  repo = tempRepo();
});
afterEach(() => repo.remove());

describe('funws help and mistakes', () => {
  it('lists every command in help', async () => {
    const { code, stdout } = await repo.funws('help');
    expect(code).toBe(0);
    for (const command of ['list', 'watch', 'hint', 'test', 'verify', 'reset', 'diff']) {
      expect(stdout).toMatch(new RegExp(`^ {2}${command}\\b`, 'm'));
    }
  });

  it('names the commands after an unknown one', async () => {
    const { code, stderr } = await repo.funws('lsit');
    expect(code).toBe(1);
    expect(stderr).toContain(
      'funws: unknown command "lsit". The commands are: list, watch, hint, test, verify, reset, diff, help.',
    );
  });

  it('says how to make exercises when there are none', async () => {
    const { code, stdout } = await repo.funws('list');
    expect(code).toBe(0);
    expect(stdout).toContain('There are no exercises yet');
  });

  it('lists the exercises when the name matches none', async () => {
    await repo.script('generate');
    const { code, stderr } = await repo.funws('hint', 'nope');
    expect(code).toBe(1);
    expect(stderr).toContain('No exercise called "nope". The exercises are:\n  00-echo');
  });
});
