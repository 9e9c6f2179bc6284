import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DEFAULT_COURSE_URL } from '../exercises/layout.ts';

/** How long `courseUrl` waits for the recorded course to answer. */
const ANSWER_WITHIN_MS = 500;

/** What a running course records about itself. */
interface CourseRecord {
  url: string;
  pid: number;
}

/**
 * Where a running course records its address: `<root>/.funws/course.json`.
 *
 * @example
 * courseRecordPath('/work/main'); // → '/work/main/.funws/course.json'
 */
export function courseRecordPath(root: string): string {
  return join(root, '.funws', 'course.json');
}

/**
 * Records that the course runs at `url` (from `npm start`, which may listen on
 * another port: `PORT=4400 npm start`), so the CLI's lesson links point at it.
 * Returns a function that removes the record, if it is still this process's.
 *
 * @example
 * const forget = recordCourse(findRoot(), course.url);
 * process.once('exit', forget);
 */
export function recordCourse(root: string, url: string, pid = process.pid): () => void {
  const file = courseRecordPath(root);
  mkdirSync(dirname(file), { recursive: true });
  const record: CourseRecord = { url: url.replace(/\/+$/, ''), pid };
  writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
  return () => {
    if (readRecord(file)?.pid === pid) rmSync(file, { force: true });
  };
}

/**
 * The address of the course the learner is running, when `npm start` recorded
 * one and it answers now; else `npm start`'s default, http://localhost:4321. A record left by a
 * course that was killed is ignored: its process is gone, or it does not answer.
 *
 * @example
 * await courseUrl(root); // → 'http://127.0.0.1:4400' while `PORT=4400 npm start` runs
 */
export async function courseUrl(root: string): Promise<string> {
  const record = readRecord(courseRecordPath(root));
  if (!record || !isAlive(record.pid)) return DEFAULT_COURSE_URL;
  try {
    await fetch(record.url, { method: 'HEAD', signal: AbortSignal.timeout(ANSWER_WITHIN_MS) });
    return record.url; // any answer will do, even 503 while the course builds
  } catch {
    return DEFAULT_COURSE_URL;
  }
}

function readRecord(file: string): CourseRecord | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<CourseRecord>;
    if (typeof parsed.url !== 'string' || !/^https?:\/\//.test(parsed.url)) return undefined;
    if (typeof parsed.pid !== 'number') return undefined;
    return { url: parsed.url, pid: parsed.pid };
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else, which still counts as running.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
