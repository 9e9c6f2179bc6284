// `npm run classroom`: serves the course and every demo to a room of students.
// Listens on every interface (HOST overrides, PORT as `npm start`), prints the
// links to give students, a QR code of the first one, and the join code.
// CLASSROOM_CODE sets the code; `--public-url https://…` (or
// CLASSROOM_PUBLIC_URL) when students come through a reverse proxy with HTTPS.
import { parseArgs } from 'node:util';
import QRCode from 'qrcode';
import { BuildError } from '../build.ts';
import { startClassroom } from './start-classroom.ts';

try {
  const { values } = parseArgs({
    options: { 'public-url': { type: 'string' }, code: { type: 'string' } },
    strict: true,
  });
  const classroom = await startClassroom({
    ...(process.env.HOST ? { host: process.env.HOST } : {}),
    ...(values['public-url'] ? { publicUrl: values['public-url'] } : {}),
    ...(values.code ? { code: values.code } : {}),
  });
  const [first] = classroom.joinUrls;
  console.log('\nClassroom mode is on. Students open one of these links (Ctrl+C to stop):\n');
  for (const url of classroom.joinUrls) console.log(`  ${url}`);
  if (first) {
    console.log(`\n${await QRCode.toString(first, { type: 'terminal', small: true })}`);
  } else {
    console.log('  (no network address found: is this computer on the class network?)');
  }
  console.log(`Join code: ${classroom.code.replace(/^(...)(.*)$/, '$1-$2')}`);
  console.log(
    `Your dashboard (this computer only): http://localhost:${classroom.port}/instructor\n`,
  );
  if (classroom.mounted.failed.size > 0) {
    console.warn(`Demos that failed to start: ${[...classroom.mounted.failed.keys()].join(', ')}`);
  }
  const stop = () => void classroom.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`\n${message}\n`);
  const explained =
    error instanceof BuildError || /cannot start|join code|public-url|Unknown option/.test(message);
  if (!explained) console.error(error);
  process.exit(1);
}
