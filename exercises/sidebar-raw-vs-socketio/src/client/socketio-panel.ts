import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../protocol.ts';
import { appendLogLine, showStatus } from './render.ts';
import { type EnginePacket, explainWire, wireText } from './wire-text.ts';

/** The elements of the Socket.IO panel. */
export interface SocketIoPanel {
  status: HTMLElement;
  log: HTMLElement;
  form: HTMLFormElement;
  input: HTMLInputElement;
}

/**
 * The Socket.IO side. We use named events and let the library encode them, and
 * we peek underneath: the client's Engine.IO connection (`socket.io.engine`)
 * reports every packet it receives (`packet`) and sends (`packetCreate`).
 */
export function startSocketIoPanel(
  panel: SocketIoPanel,
): Socket<ServerToClientEvents, ClientToServerEvents> {
  // The page may live under a prefix (e.g. /demos/sidebar/ in the course), so
  // the socket.io path is worked out from the page's own address.
  // `autoConnect: false` so we can start watching the engine before any packet arrives.
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
    path: new URL('socket.io', location.href).pathname,
    autoConnect: false,
  });

  // Each (re)connection gets a fresh Engine.IO connection, so we watch each new one.
  const watched = new WeakSet<object>();
  const watchEngine = () => {
    const engine = socket.io.engine;
    if (!engine || watched.has(engine)) return;
    watched.add(engine);
    const show = (direction: 'sent' | 'received') => (packet: EnginePacket) => {
      const text = wireText(packet);
      appendLogLine(panel.log, { direction, text, detail: explainWire(text) });
    };
    engine.on('packet', show('received'));
    engine.on('packetCreate', show('sent'));
    engine.on('upgrade', (transport: { name: string }) => {
      appendLogLine(panel.log, {
        direction: 'note',
        text: `Upgraded the transport to ${transport.name}`,
      });
      if (socket.connected) showStatus(panel.status, 'connected', `Connected (${transport.name})`);
    });
  };

  socket.on('connect', () => {
    const transport = socket.io.engine.transport.name; // 'polling' first, then 'websocket'
    showStatus(panel.status, 'connected', `Connected (${transport})`);
  });
  socket.on('disconnect', (reason) => {
    // `socket.active` is true when the client will try again by itself: it
    // does so after a dropped connection ("transport close"), not after the
    // server said goodbye on purpose ("io server disconnect").
    if (socket.active) showStatus(panel.status, 'reconnecting', `Reconnecting… (${reason})`);
    else showStatus(panel.status, 'disconnected', `Disconnected (${reason})`);
    appendLogLine(panel.log, { direction: 'note', text: `disconnect: ${reason}` });
  });
  socket.io.on('reconnect_attempt', (attempt) => {
    showStatus(panel.status, 'reconnecting', `Reconnecting… (attempt ${attempt})`);
    // The manager opens the new Engine.IO connection right after this event;
    // a microtask later it exists, before any of its packets have arrived.
    queueMicrotask(watchEngine);
  });

  panel.form.addEventListener('submit', (event) => {
    event.preventDefault();
    const message = panel.input.value;
    // A named event with an object: Socket.IO turns it into 42["echo_message",{…}]
    // (420[…] here, since we ask for an acknowledgement: the 0 is its id).
    socket.emit('echo_message', { message }, (ack) => {
      if (!ack.ok)
        appendLogLine(panel.log, { direction: 'note', text: `Refused: ${ack.error.message}` });
    });
    panel.input.value = '';
  });

  socket.connect();
  watchEngine();
  return socket;
}
