// Runs the sidebar on its own, like the original workshop:
//   http://127.0.0.1:5000  the page and the Socket.IO echo (HOST and PORT override)
//   ws://127.0.0.1:8765/   the raw WebSocket echo (WS_PORT overrides)
import { parsePort, startDemo } from '@funws/demo-kit';
import { createApp, type SidebarApp } from './app.ts';
import { serveRawEcho } from './raw-server.ts';

const title = 'Sidebar: raw WebSocket vs Socket.IO';
const host = process.env.HOST || '127.0.0.1';

try {
  const rawPort = parsePort(process.env.WS_PORT, 8765, 'WS_PORT');

  // startDemo builds the app with our create function; we keep what it built,
  // because the raw WebSocket server inside it is served on a second port below.
  let demo: SidebarApp | undefined;
  const page = await startDemo({
    title,
    port: 5000,
    create: (options) => {
      demo = createApp({ ...options, rawPort });
      return demo;
    },
  });
  if (demo) {
    // The same host names as the page's port: a DNS-rebinding page is refused on both.
    await serveRawEcho(demo.raw, { host, port: rawPort, allowedHosts: page.allowedHosts, title });
  }
  console.log(`The raw WebSocket echo is listening at ws://${host}:${rawPort}/`);
} catch (error) {
  // A taken port or a bad PORT/WS_PORT: the message says what to do; no stack trace needed.
  console.error(`\n${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
