import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { courseRecordPath, recordCourse } from '../src/learner/course-url.ts';
import { type TempRepo, tempRepo } from './helpers/temp-repo.ts';

let repo: TempRepo;
let server: Server | undefined;
beforeEach(async () => {
  repo = tempRepo();
  await repo.script('generate');
});
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
  repo.remove();
});

/** A stand-in for `npm start` on a port of its own: it answers, and records itself. */
async function runningCourse(): Promise<string> {
  server = createServer((_request, response) => response.end('the course'));
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

describe('lesson links', () => {
  it('point at the course that runs now, on the port it recorded', async () => {
    const url = await runningCourse();
    recordCourse(repo.root, url);
    const { stdout } = await repo.funws('list');
    expect(stdout).toContain(`lesson: ${url}/lessons/00-echo/`);
  });

  it('fall back to port 4321 when the recorded course does not answer', async () => {
    const url = await runningCourse();
    recordCourse(repo.root, url);
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    server = undefined;
    const { stdout } = await repo.funws('list');
    expect(stdout).toContain('lesson: http://localhost:4321/lessons/00-echo/');
  });

  it('fall back to port 4321 when the course that recorded itself is gone', async () => {
    const url = await runningCourse();
    // A process id that no process has: the course was killed without tidying up.
    recordCourse(repo.root, url, 2 ** 22 + 17);
    const { stdout } = await repo.funws('list');
    expect(stdout).toContain('lesson: http://localhost:4321/lessons/00-echo/');
  });
});

describe('recordCourse', () => {
  it('removes its record when the course stops, but not a newer course’s', () => {
    const forget = recordCourse(repo.root, 'http://127.0.0.1:4400/');
    expect(repo.read('.funws/course.json')).toContain('"url": "http://127.0.0.1:4400"');
    forget();
    expect(existsSync(courseRecordPath(repo.root))).toBe(false);

    const forgetOld = recordCourse(repo.root, 'http://127.0.0.1:4400', 1);
    recordCourse(repo.root, 'http://127.0.0.1:4401');
    forgetOld();
    expect(repo.read('.funws/course.json')).toContain('4401');
  });
});
