import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChatClient } from '@funws/chat/client';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type RunningCourse, startCourse } from '../server/start.ts';
import { playgroundMember } from './helpers/playground-member.ts';

// `npm start` keeps the playground's chat in a SQLite file, so starting the
// course again shows the messages of the day before. Here the course is
// started (without building the site) on a file of the test's own.

let folder = '';
const running: RunningCourse[] = [];
const clients: ChatClient[] = [];

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'funws-playground-'));
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await Promise.all(running.splice(0).map((course) => course.close()));
  vi.restoreAllMocks();
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function course(playgroundFile: string): Promise<RunningCourse> {
  const started = await startCourse({ port: 0, build: false, playgroundFile });
  running.push(started);
  return started;
}

function texts(client: ChatClient): string[] {
  return (client.state.rooms.general?.messages ?? []).map(
    (message) => `${message.nickname}: ${message.text}`,
  );
}

describe('the playground’s chat', () => {
  it('is still there when the course is started again on the same file', async () => {
    const file = join(folder, 'data', 'playground.sqlite');
    const yesterday = await course(file);
    expect(yesterday.mounted.playgroundStorage).toEqual({ file, problem: undefined });
    const ada = await playgroundMember(yesterday.url, 'ada', clients);
    await ada.send('general', 'see you tomorrow');
    ada.close();
    await yesterday.close();

    const today = await course(file);
    const grace = await playgroundMember(today.url, 'grace', clients);
    expect(texts(grace)).toEqual(['ada: see you tomorrow']);
  });

  it('runs in memory, saying why and leaving the file alone, when the file is not a database', async () => {
    const file = join(folder, 'notes.sqlite');
    await writeFile(file, 'Not a database: my notes.\n'.repeat(40));
    const printed = vi.spyOn(console, 'error').mockImplementation(() => {});
    const started = await course(file);

    const { problem } = started.mounted.playgroundStorage;
    expect(started.mounted.playgroundStorage.file).toBeUndefined();
    expect(problem).toContain(file);
    expect(problem).toMatch(/not a SQLite database/);
    expect(printed).toHaveBeenCalledWith(expect.stringContaining(`kept in memory this time`));
    const ada = await playgroundMember(started.url, 'ada', clients);
    await ada.send('general', 'still works');
    expect(texts(ada)).toEqual(['ada: still works']);
    expect(await readFile(file, 'utf8')).toMatch(/^Not a database/);
  });
});
