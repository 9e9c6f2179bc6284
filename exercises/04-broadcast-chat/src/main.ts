// Runs demo 4 on its own: http://127.0.0.1:5004 (HOST and PORT override).
// All the interesting code is in app.ts; startDemo creates the HTTP server,
// attaches socket.io to it and explains a port that is already taken.
import { startDemo } from '@funws/demo-kit';
import { createApp } from './app.ts';

await startDemo({ title: 'Demo 4: broadcast chat', port: 5004, create: createApp });
