// The sidebar page: wires both panels and the restart button.
import { startRawPanel } from './raw-panel.ts';
import { appendLogLine, showStatus } from './render.ts';
import { startSocketIoPanel } from './socketio-panel.ts';

function byId<T extends HTMLElement>(id: string, type: new () => T): T {
  const element = document.getElementById(id);
  if (!(element instanceof type)) throw new Error(`The page has no #${id} element.`);
  return element;
}

const raw = {
  status: byId('raw-status', HTMLElement),
  log: byId('raw-log', HTMLElement),
  form: byId('raw-form', HTMLFormElement),
  input: byId('raw-input', HTMLInputElement),
  reconnect: byId('raw-reconnect', HTMLButtonElement),
};
const sio = {
  status: byId('sio-status', HTMLElement),
  log: byId('sio-log', HTMLElement),
  form: byId('sio-form', HTMLFormElement),
  input: byId('sio-input', HTMLInputElement),
};

startSocketIoPanel(sio);

// Where is the raw endpoint (`SidebarConfig` in protocol.ts)? Port 8765 when run alone, `…/raw` when mounted:
// the server knows, so we ask it (a relative URL, so it works under a prefix).
try {
  const response = await fetch('config.json');
  const config: unknown = await response.json();
  const rawUrl =
    typeof config === 'object' && config !== null && 'rawUrl' in config ? config.rawUrl : undefined;
  if (typeof rawUrl !== 'string') throw new Error('config.json has no rawUrl');
  startRawPanel(withCourseTags(rawUrl), raw);
} catch (error) {
  showStatus(raw.status, 'disconnected', `Could not find the raw endpoint: ${String(error)}`);
}

/**
 * Inside the course, this page's address carries `?pane=…&inspect=…`. A
 * WebSocket handshake sends no Referer, so we copy those two onto the raw URL
 * ourselves: the course's event inspector then shows this socket's frames to
 * the page that opened it, and to nobody else. Alone, there is nothing to copy.
 */
function withCourseTags(rawUrl: string): string {
  const url = new URL(rawUrl);
  const page = new URLSearchParams(location.search);
  for (const name of ['pane', 'inspect']) {
    const value = page.get(name);
    if (value !== null) url.searchParams.set(name, value);
  }
  return url.toString();
}

byId('restart', HTMLButtonElement).addEventListener('click', async () => {
  const note = {
    direction: 'note',
    text: 'The server drops every connection (simulated restart)',
  } as const;
  appendLogLine(raw.log, note);
  appendLogLine(sio.log, note);
  const response = await fetch('restart', { method: 'POST' });
  if (!response.ok)
    appendLogLine(raw.log, { direction: 'note', text: `Restart refused: ${response.status}` });
});
