import type { RawRequest } from '../protocol.ts';
import { appendLogLine, showStatus } from './render.ts';

/** The elements of the raw WebSocket panel. */
export interface RawPanel {
  status: HTMLElement;
  log: HTMLElement;
  form: HTMLFormElement;
  input: HTMLInputElement;
  reconnect: HTMLButtonElement;
}

/**
 * The raw side: the browser's own `WebSocket`, nothing else. Everything that
 * Socket.IO would do for us (encode, name events, reconnect) is ours to write,
 * and most of it we deliberately leave out, so you can see what's missing.
 */
export function startRawPanel(url: string, panel: RawPanel): void {
  let socket: WebSocket | undefined;

  const open = () => {
    showStatus(panel.status, 'connecting', 'Connecting…');
    panel.reconnect.hidden = true;
    appendLogLine(panel.log, { direction: 'note', text: `new WebSocket("${url}")` });
    const current = new WebSocket(url);
    socket = current;

    current.addEventListener('open', () => {
      showStatus(panel.status, 'connected', 'Connected');
    });
    // Each frame arrives as a string: exactly what the server sent. Parsing it is our job.
    current.addEventListener('message', (event: MessageEvent<unknown>) => {
      appendLogLine(panel.log, { direction: 'received', text: String(event.data) });
    });
    // When the connection ends, the browser tells us once, with a close code
    // (1000 normal, 1006 gone without a goodbye, 1009 too big, 1012 restart).
    // A raw WebSocket never reconnects by itself: that would be our code to write.
    current.addEventListener('close', (event) => {
      const reason = event.reason ? `, "${event.reason}"` : '';
      showStatus(
        panel.status,
        'closed',
        `Closed (code ${event.code}${reason}) — no reconnection unless you write it`,
      );
      appendLogLine(panel.log, {
        direction: 'note',
        text: `close event: code ${event.code}${reason}`,
      });
      panel.reconnect.hidden = false;
    });
  };

  panel.form.addEventListener('submit', (event) => {
    event.preventDefault();
    const message = panel.input.value;
    if (!socket || socket.readyState !== WebSocket.OPEN) {
      appendLogLine(panel.log, { direction: 'note', text: 'Not connected: nothing was sent.' });
      return;
    }
    // No events, no encoding for free: we decide the frame is JSON and build it by hand.
    const request: RawRequest = { message, timestamp: new Date().toISOString() };
    const frame = JSON.stringify(request);
    socket.send(frame);
    appendLogLine(panel.log, { direction: 'sent', text: frame });
    panel.input.value = '';
  });

  panel.reconnect.addEventListener('click', open);
  open();
}
