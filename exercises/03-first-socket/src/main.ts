// Runs demo 3 on its own: http://127.0.0.1:5003 (HOST and PORT override).
// All the interesting code is in app.ts; startDemo creates the HTTP server,
// attaches socket.io to it and explains a port that is already taken.
import { startDemo } from '@funws/demo-kit';
import { createApp } from './app.ts';

await startDemo({ title: 'Demo 3: first socket', port: 5003, create: createApp });
