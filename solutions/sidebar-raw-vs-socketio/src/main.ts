// Runs the sidebar on its own, like the original workshop:
//   http://127.0.0.1:5000  the page and the Socket.IO echo (HOST and PORT override)
//   ws://127.0.0.1:8765/   the raw WebSocket echo (WS_PORT overrides)
import { createServer } from 'node:http';
import { explainListenError, parsePort, startDemo } from '@funws/demo-kit';
import { createApp, type SidebarApp } from './app.ts';
import { routeUpgrades } from './raw-echo.ts';

const title = 'Sidebar: raw WebSocket vs Socket.IO';
const host = process.env.HOST || '127.0.0.1';

try {
  const rawPort = parsePort(process.env.WS_PORT, 8765, 'WS_PORT');

  // startDemo builds the app with our create function; we keep what it built,
  // because the raw WebSocket server inside it is served on a second port below.
  let demo: SidebarApp | undefined;
  await startDemo({
    title,
    port: 5000,
    create: (options) => {
      demo = createApp({ ...options, rawPort });
      return demo;
    },
  });

  // A second HTTP server, only for the raw WebSocket. A plain HTTP request here
  // gets a short explanation (426 Upgrade Required) instead of a page.
  const rawServer = createServer((_request, response) => {
    response.writeHead(426, { 'Content-Type': 'text/plain' });
    response.end(
      'This port speaks WebSocket only: open the sidebar page (port 5000 by default).\n',
    );
  });
  if (demo) routeUpgrades(rawServer, demo.raw, '/');
  await new Promise<void>((resolve, reject) => {
    rawServer.once('error', (error: NodeJS.ErrnoException) => {
      // Say which port, and how to pick another (WS_PORT, not PORT, for this one).
      reject(
        explainListenError(error, host, rawPort, `${title} (raw WebSocket)`, {
          variable: 'WS_PORT',
        }),
      );
    });
    rawServer.listen(rawPort, host, () => resolve());
  });
  console.log(`The raw WebSocket echo is listening at ws://${host}:${rawPort}/`);
} catch (error) {
  // A taken port or a bad PORT/WS_PORT: the message says what to do; no stack trace needed.
  console.error(`\n${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
