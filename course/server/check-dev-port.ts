// Runs before `astro dev` (`npm run dev`): if the port is taken, say so in one
// sentence with the way out, instead of Vite's stack trace.
import { createServer } from 'node:net';
import { explainListenError, parsePort } from '@funws/demo-kit';

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
  const explained = explainListenError(error, host, port, 'The course (dev mode)', {
    command: 'npm run dev',
    nextPort: port + 1,
  });
  console.error(`\n${explained.message}\n`);
  process.exit(1);
});
probe.listen(port, host, () => probe.close());
