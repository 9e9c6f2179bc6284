// The classroom server of `npm run classroom:load`, in a process of its own so
// that its memory is measured apart from the 300 clients. It serves a
// one-page site (the load is on the demos, not on the pages), answers on
// 127.0.0.1 only, and reports its port and, when asked, its memory over IPC.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startClassroom } from '../server/classroom/start-classroom.ts';
import { startCourse } from '../server/start.ts';

const siteDir = mkdtempSync(join(tmpdir(), 'funws-classroom-load-'));
writeFileSync(join(siteDir, 'index.html'), '<!doctype html><title>Load</title><p>Load test</p>');

// `--baseline`: the same course without classroom mode (no gate, no taps), to
// compare against in the same run.
const baseline = process.argv.includes('--baseline');
const options = { host: '127.0.0.1', port: 0, build: false, siteDir, env: {} };
const classroom = baseline
  ? { ...(await startCourse(options)), code: '' }
  : await startClassroom({ ...options, code: process.env.CLASSROOM_CODE || 'LOADTEST' });

const stop = async () => {
  await classroom.close();
  rmSync(siteDir, { recursive: true, force: true });
  process.exit(0);
};
process.on('message', (message: unknown) => {
  if (message === 'memory') {
    process.send?.({ memory: process.memoryUsage(), cpu: process.cpuUsage() });
  }
  if (message === 'stop') void stop();
});
process.once('disconnect', () => void stop());
process.send?.({ port: classroom.port, code: classroom.code });
