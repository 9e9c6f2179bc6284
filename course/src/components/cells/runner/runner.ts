/**
 * The runner of a client cell: the page inside the cell's sandboxed iframe
 * (`sandbox="allow-scripts"`, no `allow-same-origin`). Its origin is opaque,
 * so nothing it runs can read the lesson page, its storage or its cookies.
 *
 * It takes one order from the page that framed it (and from no one else: the
 * message must come from `window.parent` with the course's own origin), opens
 * a Socket.IO connection to that lesson's demo with the single-use ticket the
 * page gave it, runs the learner's code with `socket` and `log` in scope, and
 * reports every line of output back to the page.
 */
import { io } from 'socket.io-client';
import { formatValue, isRunRequest, maxLogLines, type RunnerMessage } from './messages.ts';

// The runner's address is the course's (its origin is opaque, its URL is not).
const here = new URL(location.href);
const courseOrigin = here.origin;
const demo = here.searchParams.get('demo') ?? '';

/** The runner's own query, less the demo: plain names and short values only. */
function handshakeQuery(): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [key, value] of here.searchParams) {
    if (key !== 'demo' && /^[a-z]{1,16}$/.test(key) && value.length <= 64) query[key] = value;
  }
  return query;
}

let lines = 0;
const report = (message: RunnerMessage) => window.parent.postMessage(message, courseOrigin);

/** What the cell's code calls to print: every argument, formatted, on one line. */
function log(...values: unknown[]): void {
  output('log', values);
}

function output(level: 'log' | 'error', values: unknown[]): void {
  lines++;
  if (lines > maxLogLines) {
    if (lines === maxLogLines + 1) {
      report({
        kind: 'log',
        level: 'error',
        text: `(more than ${maxLogLines} lines; the rest are not shown)`,
      });
    }
    return;
  }
  report({ kind: 'log', level, text: values.map(formatValue).join(' ') });
}

// `console.log` in the cell's code lands in the output too.
console.log = (...values: unknown[]) => output('log', values);
console.error = (...values: unknown[]) => output('error', values);
// Errors thrown later, in a `socket.on` listener, say.
window.addEventListener('error', (event) => output('error', [event.error ?? event.message]));
window.addEventListener('unhandledrejection', (event) => output('error', [event.reason]));

let started = false;
window.addEventListener('message', (event) => {
  if (event.source !== window.parent || event.origin !== courseOrigin) return;
  if (started || !isRunRequest(event.data)) return;
  started = true;
  void run(event.data.code, event.data.ticket);
});

async function run(code: string, ticket: string): Promise<void> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(demo)) {
    output('error', [`This runner was opened for no known demo (demo="${demo}").`]);
    return;
  }
  report({ kind: 'status', state: 'connecting' });
  // WebSocket only: a long-polling request from an opaque origin would be a
  // cross-origin XHR, which the demo does not allow (and should not).
  const socket = io(courseOrigin, {
    path: `/demos/${demo}/socket.io`,
    transports: ['websocket'],
    // What the runner's own address carries besides the demo (`pane=cell`, and
    // whatever the lesson's panes carry for the inspector) goes in the handshake's
    // URL too: a WebSocket handshake has no Referer to carry it.
    query: { ...handshakeQuery(), cell: ticket },
    reconnection: false,
  });
  const connected = await new Promise<boolean>((resolve) => {
    socket.once('connect', () => resolve(true));
    socket.once('connect_error', (error) => {
      output('error', [
        `The demo refused the cell's connection: ${error.message}. Press Run again.`,
      ]);
      resolve(false);
    });
  });
  if (!connected) {
    report({ kind: 'status', state: 'disconnected' });
    return;
  }
  socket.on('disconnect', (reason) => {
    output('error', [`Disconnected (${reason}).`]);
    report({ kind: 'status', state: 'disconnected' });
  });
  report({ kind: 'status', state: 'running' });
  try {
    // The learner's code, as the body of an async function: `await` works at
    // its top level. Evaluating text as code needs 'unsafe-eval', which only
    // this sandboxed page's Content Security Policy allows.
    const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
      ...args: string[]
    ) => (socket: unknown, log: (...values: unknown[]) => void) => Promise<unknown>;
    const body = new AsyncFunction('socket', 'log', code);
    await body(socket, log);
    report({ kind: 'status', state: 'finished' });
  } catch (error) {
    output('error', [error]);
    report({ kind: 'status', state: 'failed' });
  }
}

report({ kind: 'ready' });
