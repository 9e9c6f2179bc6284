import catalogue from '../catalogue.json' with { type: 'json' };

/**
 * One demo of the course: a folder in `solutions/` (and, with the same name, in
 * `exercises/`), the port it listens on when run alone, and the lesson that teaches it.
 *
 * @example
 * const demo: Demo = findDemo('4')!;
 * demo.folder; // '04-broadcast-chat'
 */
export interface Demo {
  /** What `npm run demo <key>` accepts: the demo's number, or `sidebar`. */
  readonly key: string;
  /** The folder under `solutions/` and `exercises/`. */
  readonly folder: string;
  /** The title the demo prints when it starts. */
  readonly title: string;
  /** The port it listens on when run alone (`npm run demo <key>`). */
  readonly port: number;
  /** The sidebar only: the port of its raw WebSocket echo. */
  readonly rawWebSocketPort?: number;
  /** The slug of the lesson that teaches it: `/lessons/<lesson>/`. */
  readonly lesson: string;
}

/** Every demo, in the order the course teaches them (the sidebar after demo 2). */
export const demos: readonly Demo[] = catalogue.demos;

/** The slug of the page the course opens with. */
export const welcomeLesson: string = catalogue.welcome;

/**
 * Every lesson's slug, in sidebar order (the welcome page not included). A
 * lesson that teaches a demo is named after the demo's folder, so demo 4,
 * `exercises/04-broadcast-chat` and `/lessons/04-broadcast-chat/` share one
 * number; the lessons without a demo have no number.
 */
export const lessons: readonly string[] = catalogue.lessons;

/**
 * Lesson slugs that have moved: former slug → current slug. Their old
 * addresses redirect to the new ones (the course's express server and its
 * static build both), so a bookmark or an old link keeps working.
 */
export const renamedLessons: Readonly<Record<string, string>> = catalogue.renamedLessons;

/**
 * Finds a demo by what a person would type: its key (`4`, `sidebar`), its
 * number with a leading zero (`04`) or its folder name.
 *
 * @example
 * findDemo('04')?.port; // 5004
 * findDemo('sidebar')?.folder; // 'sidebar-raw-vs-socketio'
 * findDemo('9'); // undefined
 */
export function findDemo(query: string): Demo | undefined {
  const wanted = query.trim().toLowerCase();
  return demos.find(
    (demo) =>
      demo.key === wanted ||
      demo.folder === wanted ||
      demo.key === wanted.replace(/^0+(?=\d)/, '') ||
      demo.folder.startsWith(`${wanted}-`),
  );
}

/**
 * Where a folder comes in the course: its place in {@link demos}, so the
 * sidebar sorts after demo 2. Folders the catalogue does not list (a test
 * fixture, a folder of your own) come after every demo, by their number.
 *
 * @example
 * ['03-first-socket', 'sidebar-raw-vs-socketio'].sort((a, b) => courseOrder(a) - courseOrder(b));
 * // → ['sidebar-raw-vs-socketio', '03-first-socket']
 */
export function courseOrder(folder: string): number {
  const index = demos.findIndex((demo) => demo.folder === folder);
  if (index !== -1) return index;
  const number = /^(\d+)-/.exec(folder)?.[1];
  return demos.length + (number === undefined ? Number.MAX_SAFE_INTEGER : Number(number));
}

/**
 * The path of a lesson on the course site.
 *
 * @example
 * lessonPath('04-broadcast-chat'); // '/lessons/04-broadcast-chat/'
 */
export function lessonPath(slug: string): string {
  return `/lessons/${slug}/`;
}

/**
 * The lesson that teaches an exercise or solution folder, if the catalogue knows it.
 *
 * @example
 * lessonOf('sidebar-raw-vs-socketio'); // 'sidebar-raw-vs-socketio'
 */
export function lessonOf(folder: string): string | undefined {
  return demos.find((demo) => demo.folder === folder)?.lesson;
}

/**
 * Every address that should lead to another lesson: each former lesson slug
 * ({@link renamedLessons}) and each demo folder whose lesson has another name.
 * Paths without the trailing slash; the course answers both spellings.
 *
 * @example
 * lessonRedirects().find((redirect) => redirect.from === '/lessons/06-broadcast-chat');
 * // → { from: '/lessons/06-broadcast-chat', to: '/lessons/04-broadcast-chat/' }
 */
export function lessonRedirects(): Array<{ from: string; to: string }> {
  const moves = new Map<string, string>(Object.entries(renamedLessons));
  for (const { folder, lesson } of demos) if (folder !== lesson) moves.set(folder, lesson);
  return [...moves].map(([from, to]) => ({ from: `/lessons/${from}`, to: lessonPath(to) }));
}
