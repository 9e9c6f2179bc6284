// Runs demo 6 on its own: http://127.0.0.1:5006 (HOST and PORT override).
// All the interesting code is in app.ts; startDemo only creates the HTTP server,
// attaches socket.io to it and explains start-up errors such as a busy port.
import { startDemo } from '@funws/demo-kit';
import { createApp } from './app.ts';

await startDemo({ title: 'Demo 6: typing, whispers and rooms', port: 5006, create: createApp });
