// `npm start`: builds the course if needed, then serves it with every demo on
// http://127.0.0.1:4321 (HOST and PORT override; ALLOWED_HOSTS adds host names
// to answer to besides localhost, 127.0.0.1 and [::1]). Run from the repository root.
// FUNWS_PLAYGROUND_REDIS (a Redis URL) and FUNWS_NODE_ID make the playground a
// node of a cluster instead of a SQLite file: see server/cluster.ts.
import { relative } from 'node:path';
import { recordCourse } from '@funws/cli';
import { BuildError, repoDir } from './build.ts';
import { defaultPlaygroundFile } from './playground-stores.ts';
import { startCourse } from './start.ts';

try {
  const redisUrl = process.env.FUNWS_PLAYGROUND_REDIS;
  const course = await startCourse(
    redisUrl
      ? { playgroundCluster: { redisUrl, nodeId: process.env.FUNWS_NODE_ID || 'course' } }
      : { playgroundFile: defaultPlaygroundFile },
  );
  console.log(`\nFun with WebSockets is running at ${course.url}  (Ctrl+C to stop)`);
  const { file } = course.mounted.playgroundStorage;
  if (file) console.log(`The playground's chat is kept in ${relative(repoDir, file)}.`);
  if (redisUrl) console.log(`The playground is a node of the cluster on ${redisUrl}.`);
  // Tells `npx funws` where the lessons are, when PORT moved them off 4321.
  process.once('exit', recordCourse(repoDir, course.url));
  if (course.mounted.failed.size > 0) {
    console.warn(`Demos that failed to start: ${[...course.mounted.failed.keys()].join(', ')}`);
  }
  const host = process.env.HOST || '127.0.0.1';
  if (!['127.0.0.1', 'localhost', '::1'].includes(host)) {
    console.warn(`Listening on ${host}: other computers on your network can connect.`);
    console.warn(
      `It answers to the names ${course.allowedHosts.names().join(', ')} (ALLOWED_HOSTS adds more).`,
    );
  }
  const stop = () => void course.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`\n${message}\n`);
  // Build failures and listen errors explain themselves; anything else gets its stack.
  const explained = error instanceof BuildError || /cannot start/.test(message);
  if (!explained) console.error(error);
  process.exit(1);
}
