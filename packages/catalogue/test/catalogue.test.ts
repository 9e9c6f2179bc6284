import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  courseOrder,
  demos,
  findDemo,
  lessonOf,
  lessonRedirects,
  lessons,
  renamedLessons,
  welcomeLesson,
} from '../src/index.ts';

// The catalogue is the one source; everything that repeats one of its facts
// (a solution's port, a README's table, a lesson file) is checked against it here.
const root = join(import.meta.dirname, '..', '..', '..');
const read = (...path: string[]) => readFileSync(join(root, ...path), 'utf8');
const lessonDir = join(root, 'course', 'src', 'content', 'docs', 'lessons');

describe('the demo catalogue', () => {
  it('lists every folder of solutions/ and exercises/ exactly once', () => {
    const folders = demos.map((demo) => demo.folder);
    expect(new Set(folders).size).toBe(folders.length);
    for (const kind of ['solutions', 'exercises']) {
      const onDisk = readdirSync(join(root, kind), { withFileTypes: true })
        .filter(
          (entry) =>
            entry.isDirectory() && existsSync(join(root, kind, entry.name, 'package.json')),
        )
        .map((entry) => entry.name);
      expect(onDisk.sort(), `folders of ${kind}/`).toEqual([...folders].sort());
    }
  });

  it.each(demos)("matches the port and title in $folder's own files", (demo) => {
    const main = read('solutions', demo.folder, 'src', 'main.ts');
    const config = JSON.parse(read('solutions', demo.folder, 'package.json')).config;
    expect(config?.port, `config.port in solutions/${demo.folder}/package.json`).toBe(demo.port);
    expect(main, `solutions/${demo.folder}/src/main.ts`).toMatch(
      new RegExp(`port: ${demo.port}\\b`),
    );
    expect(main, `solutions/${demo.folder}/src/main.ts`).toContain(`'${demo.title}'`);
    if (demo.rawWebSocketPort !== undefined) expect(main).toContain(`${demo.rawWebSocketPort}`);
  });

  it('names a lesson file for every lesson and every demo, and no lesson file it does not list', () => {
    const files = readdirSync(lessonDir).map((file) => file.replace(/\.mdx?$/, ''));
    expect(files.sort()).toEqual([welcomeLesson, ...lessons].sort());
    for (const demo of demos) expect(lessons, `lesson of ${demo.folder}`).toContain(demo.lesson);
  });

  it('numbers each demo, its exercise and its lesson alike: the lesson is named after the folder', () => {
    for (const demo of demos) expect(demo.lesson, `lesson of ${demo.folder}`).toBe(demo.folder);
  });

  it('redirects every former lesson slug to a lesson that exists, never from a current one', () => {
    const current = new Set([welcomeLesson, ...lessons]);
    for (const [former, now] of Object.entries(renamedLessons)) {
      expect(current.has(former), `${former} is both former and current`).toBe(false);
      expect(current.has(now), `${former} → ${now}, which is not a lesson`).toBe(true);
    }
    const redirects = lessonRedirects();
    expect(redirects).toContainEqual({
      from: '/lessons/06-broadcast-chat',
      to: '/lessons/04-broadcast-chat/',
    });
    expect(new Set(redirects.map((redirect) => redirect.from)).size).toBe(redirects.length);
  });

  it("agrees with the README's table of demos, row by row", () => {
    const rows = read('README.md')
      .split('\n')
      .filter((line) => /^\| (\d|sidebar) \|/.test(line));
    expect(rows).toHaveLength(demos.length);
    demos.forEach((demo, index) => {
      expect(rows[index]).toContain(`| ${demo.key} |`);
      expect(rows[index]).toContain(`solutions/${demo.folder}`);
      expect(rows[index]).toContain(String(demo.port));
    });
  });

  it('finds a demo by number, padded number, key or folder', () => {
    expect(findDemo('4')?.folder).toBe('04-broadcast-chat');
    expect(findDemo('04')?.folder).toBe('04-broadcast-chat');
    expect(findDemo('sidebar')?.port).toBe(5000);
    expect(findDemo('07-polls-reactions-canvas')?.key).toBe('7');
    expect(findDemo('9')).toBeUndefined();
    expect(findDemo('')).toBeUndefined();
  });

  it('orders folders as the course teaches them, unknown folders last by number', () => {
    const shuffled = [
      '03-first-socket',
      '99-mine',
      'sidebar-raw-vs-socketio',
      '00-echo',
      '02-forms',
    ];
    expect(shuffled.sort((a, b) => courseOrder(a) - courseOrder(b))).toEqual([
      '02-forms',
      'sidebar-raw-vs-socketio',
      '03-first-socket',
      '00-echo',
      '99-mine',
    ]);
    expect(lessonOf('04-broadcast-chat')).toBe(demos.find((demo) => demo.key === '4')?.lesson);
  });
});
