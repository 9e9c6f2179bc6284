import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { byCodePoint } from './walk.ts';

/** Where the solutions of a repo live: `<root>/solutions/<name>`. */
export function solutionDir(root: string, name: string): string {
  return join(root, 'solutions', name);
}

/** Where the exercises of a repo live: `<root>/exercises/<name>`. */
export function exerciseDir(root: string, name: string): string {
  return join(root, 'exercises', name);
}

/**
 * The course page that teaches an exercise, served by `npm start`.
 *
 * @example
 * lessonUrl('04-broadcast-chat'); // → 'http://localhost:4321/lessons/04-broadcast-chat/'
 */
export function lessonUrl(name: string): string {
  return `http://localhost:4321/lessons/${name}/`;
}

/**
 * The folders of `<root>/<kind>/` that hold a package.json, in course order:
 * by their number, with the sidebar between demo 2 and demo 3, where the
 * course teaches it.
 *
 * @example
 * listPackages('/work/main', 'solutions'); // → ['01-basic-server', '02-forms', 'sidebar-raw-vs-socketio', '03-first-socket', …]
 */
export function listPackages(root: string, kind: 'solutions' | 'exercises'): string[] {
  const dir = join(root, kind);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'package.json')))
    .map((entry) => entry.name)
    .sort((a, b) => courseOrder(a) - courseOrder(b) || byCodePoint(a, b));
}

/** Where a folder comes in the course: its leading number; the sidebar after demo 2. */
function courseOrder(name: string): number {
  if (name.startsWith('sidebar')) return 2.5;
  const number = /^(\d+)-/.exec(name)?.[1];
  return number === undefined ? Number.POSITIVE_INFINITY : Number(number);
}
