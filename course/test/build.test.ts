import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEnv, newestMtime } from '../server/build.ts';

describe('the build step', () => {
  it("builds in production mode whatever a test runner's environment says", () => {
    const env = buildEnv(true, {
      NODE_ENV: 'test',
      DEV: 'true',
      MODE: 'test',
      VITEST: 'true',
      PATH: '/bin',
    });
    expect(env).toMatchObject({ NODE_ENV: 'production', PATH: '/bin' });
    expect(env.DEV).toBeUndefined();
    expect(env.MODE).toBeUndefined();
    expect(env.VITEST).toBeUndefined();
  });

  it('finds the newest file, skipping node_modules and dist', () => {
    const dir = mkdtempSync(join(tmpdir(), 'funws-course-'));
    for (const sub of ['src', 'node_modules', 'dist']) mkdirSync(join(dir, sub));
    const file = (path: string, seconds: number) => {
      writeFileSync(join(dir, path), 'x');
      utimesSync(join(dir, path), seconds, seconds);
    };
    file('src/a.ts', 1000);
    file('node_modules/b.js', 5000);
    file('dist/c.html', 6000);
    expect(newestMtime([dir])).toBe(1000 * 1000);
  });
});
