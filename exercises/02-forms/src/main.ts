// Runs demo 2 on its own: http://127.0.0.1:5002 (HOST and PORT override).
// startDemo binds to 127.0.0.1 so only this computer can reach it, and explains
// a port that is already in use instead of printing a stack trace.
import { startDemo } from '@funws/demo-kit';
import { createApp } from './app.ts';

await startDemo({ title: 'Demo 2: forms', port: 5002, create: createApp });
