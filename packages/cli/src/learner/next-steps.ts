import { demos } from '@funws/catalogue';
import { lessonUrl } from '../exercises/layout.ts';

/**
 * What a learner can do once every step of an exercise passes, as
 * `[command, what it does]` pairs: compare with the reference, run it, read
 * the lesson. Demos the catalogue does not know (a fixture, your own) get no
 * `npm run demo` line.
 *
 * @example
 * whatNext('04-broadcast-chat', 'http://localhost:4321');
 * // → [['npx funws diff 04-broadcast-chat', 'your code next to the reference solution'], …]
 */
export function whatNext(name: string, courseUrl: string): [string, string][] {
  const demo = demos.find((candidate) => candidate.folder === name);
  const lines: [string, string][] = [
    [`npx funws diff ${name}`, 'your code next to the reference solution'],
    [`cd exercises/${name} && npm start`, 'run your own version'],
  ];
  if (demo) {
    lines.push([
      `npm run demo ${demo.key}`,
      `run the reference demo, on http://127.0.0.1:${demo.port}`,
    ]);
  }
  lines.push([lessonUrl(name, courseUrl), 'the lesson, to read on']);
  return lines;
}
