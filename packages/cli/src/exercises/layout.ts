import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { courseOrder, lessonOf, lessonPath } from '@funws/catalogue';
import { byCodePoint } from './walk.ts';

/** Where the course runs when nothing says otherwise: `npm start`'s default. */
export const DEFAULT_COURSE_URL = 'http://localhost:4321';

/** Where the solutions of a repo live: `<root>/solutions/<name>`. */
export function solutionDir(root: string, name: string): string {
  return join(root, 'solutions', name);
}

/** Where the exercises of a repo live: `<root>/exercises/<name>`. */
export function exerciseDir(root: string, name: string): string {
  return join(root, 'exercises', name);
}

/**
 * The course page that teaches an exercise: the lesson the catalogue names for
 * it (the course also redirects `/lessons/<folder>/` there, for folders the
 * catalogue does not know), on the course at `base` (`npm start`'s default
 * port unless told; see `courseUrl` for the one running now).
 *
 * @example
 * lessonUrl('04-broadcast-chat'); // → 'http://localhost:4321/lessons/<its lesson>/'
 * lessonUrl('04-broadcast-chat', 'http://127.0.0.1:4400'); // → 'http://127.0.0.1:4400/lessons/<its lesson>/'
 */
export function lessonUrl(name: string, base = DEFAULT_COURSE_URL): string {
  return `${base.replace(/\/+$/, '')}${lessonPath(lessonOf(name) ?? name)}`;
}

/**
 * The folders of `<root>/<kind>/` that hold a package.json, in course order
 * (the catalogue's: the sidebar between demo 2 and demo 3, where the course
 * teaches it; folders it does not list after, by number).
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
