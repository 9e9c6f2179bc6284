// Runs before `astro dev` (`npm run dev`): if the port is taken, say so in one
// sentence with the way out, instead of Vite's stack trace.
import { createServer } from 'node:net';
import { parsePort } from '@funws/demo-kit';

const host = process.env.HOST || '127.0.0.1';
let port: number;
try {
  port = parsePort(process.env.PORT, 4321);
} catch (error) {
  console.error(`\n${(error as Error).message}\n`);
  process.exit(1);
}

const probe = createServer();
probe.once('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EADDRINUSE') {
    console.error(
      `\nThe course cannot start in dev mode: port ${port} is already in use on ${host}.\n` +
        '  Maybe the course (npm start or npm run dev) is already running in another terminal;\n' +
        `  stop it with Ctrl+C there, or pick another port:  PORT=${port + 1} npm run dev\n`,
    );
  } else {
    console.error(`\nThe course cannot listen on ${host}:${port}: ${error.message}\n`);
  }
  process.exit(1);
});
probe.listen(port, host, () => probe.close());
