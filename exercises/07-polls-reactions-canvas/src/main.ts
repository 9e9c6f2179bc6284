// Runs demo 7 on its own: http://127.0.0.1:5007 (HOST and PORT override).
// All the interesting code is in app.ts; startDemo only creates the HTTP server,
// attaches socket.io to it and explains start-up errors such as a busy port.
import { startDemo } from '@funws/demo-kit';
import { createApp } from './app.ts';

await startDemo({
  title: 'Demo 7: polls, reactions and a shared canvas',
  port: 5007,
  create: createApp,
});
