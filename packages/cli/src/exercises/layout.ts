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
 * The folders of `<root>/<kind>/` that hold a package.json, sorted.
 *
 * @example
 * listPackages('/work/main', 'solutions'); // → ['01-basic-server', …, 'sidebar-raw-vs-socketio']
 */
export function listPackages(root: string, kind: 'solutions' | 'exercises'): string[] {
  const dir = join(root, kind);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'package.json')))
    .map((entry) => entry.name)
    .sort(byCodePoint);
}
