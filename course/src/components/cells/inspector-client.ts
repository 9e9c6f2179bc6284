/**
 * The browser side of the event inspector: listens to
 * `/inspector/events?demo=…&inspect=…` (Server-Sent Events) and shows each
 * packet as a table row. Text goes in with textContent only: packets carry
 * user input.
 *
 * The page's inspector id ties the two ends together: the page puts it on
 * what it opens (its panes' addresses, the playground's handshake), and the
 * server streams to this page only the packets of connections carrying it.
 * Another page, another tab, another browser: another id, nothing shared.
 */

import type { InspectorEntry } from '../../../server/inspector.ts';

export type { InspectorEntry };

/** Rows kept in the table; older ones are removed. */
export const maxRows = 200;

let inspectorId: string | undefined;

/**
 * This page's inspector id: 128 random bits, base64url, made once per page
 * load. `crypto.getRandomValues` rather than `randomUUID`, which browsers
 * offer only on https or localhost, and a classroom uses a LAN address.
 */
export function pageInspectorId(): string {
  if (inspectorId === undefined) {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    inspectorId = btoa(String.fromCharCode(...bytes))
      .replaceAll('+', '-')
      .replaceAll('/', '_')
      .replace(/=+$/, '');
  }
  return inspectorId;
}

/** The address of a live demo's pane: the demo's page, as `pane`, tagged with the inspector id. */
export function paneUrl(base: string, pane: string, id: string = pageInspectorId()): string {
  return `${base}?${new URLSearchParams({ pane, inspect: id })}`;
}

/** Who sent or received a packet: Alice, Bob, or the connection id. */
export function whoLabel(entry: Pick<InspectorEntry, 'pane' | 'sid'>): string {
  if (entry.pane) return entry.pane.charAt(0).toUpperCase() + entry.pane.slice(1);
  return `#${entry.sid}`;
}

/** `→` for what a browser sent to the server, `←` for what it received. */
export function directionLabel(dir: 'in' | 'out'): string {
  return dir === 'in' ? '→' : '←';
}

/** `ws` or `poll`: how the packet travelled. */
export function transportLabel(transport: string): string {
  if (transport === 'websocket') return 'ws';
  if (transport === 'polling') return 'poll';
  if (transport === 'raw') return 'raw ws';
  if (transport === 'http') return 'http';
  return transport;
}

/** A one-line summary of the packet: the event name, or the packet type. */
export function packetSummary(entry: InspectorEntry): string {
  if (entry.eio === 'frame') return 'raw text frame';
  if (entry.eio === 'request') return 'HTTP request';
  if (entry.eio === 'response') return 'HTTP response';
  if (entry.eio !== 'message') return entry.eio;
  if (entry.event) return `${entry.sio === 'BINARY_EVENT' ? 'binary ' : ''}event “${entry.event}”`;
  return entry.sio ? entry.sio.toLowerCase().replace('_', ' ') : 'message';
}

export function isHeartbeat(entry: InspectorEntry): boolean {
  return entry.eio === 'ping' || entry.eio === 'pong';
}

function time(t: number): string {
  const date = new Date(t);
  const seconds = String(date.getSeconds()).padStart(2, '0');
  return `${String(date.getMinutes()).padStart(2, '0')}:${seconds}.${String(date.getMilliseconds()).padStart(3, '0')}`;
}

function cell(row: HTMLTableRowElement, text: string, className?: string): HTMLTableCellElement {
  const td = row.insertCell();
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

export function renderRow(entry: InspectorEntry): HTMLTableRowElement {
  const row = document.createElement('tr');
  row.className = `inspector__row inspector__row--${entry.dir}`;
  row.dataset.who = whoLabel(entry).toLowerCase();
  if (isHeartbeat(entry)) row.dataset.heartbeat = '';
  cell(row, time(entry.t), 'inspector__time').title = new Date(entry.t).toISOString();
  cell(row, whoLabel(entry), 'inspector__who');
  const dir = cell(row, directionLabel(entry.dir), 'inspector__dir');
  dir.title = entry.dir === 'in' ? 'browser → server' : 'server → browser';
  cell(row, transportLabel(entry.transport), 'inspector__via').title = entry.transport;
  const packet = cell(row, '', 'inspector__packet');
  const summary = document.createElement('span');
  summary.className = 'inspector__summary';
  summary.textContent = packetSummary(entry);
  const wire = document.createElement('code');
  if (entry.eio === 'request' || entry.eio === 'response') {
    wire.textContent = entry.data;
    wire.title = entry.eio === 'request' ? 'method and path' : 'status and content type';
  } else if (entry.eio === 'frame') {
    wire.textContent = entry.data;
    wire.title = `${entry.bytes} bytes of payload in a WebSocket text frame`;
  } else {
    wire.textContent = `${eioDigit(entry.eio)}${entry.data}`;
    wire.title = `${entry.bytes + 1} bytes: Engine.IO type ${eioDigit(entry.eio)} (${entry.eio}) + Socket.IO packet`;
  }
  packet.append(summary, ' ', wire);
  return row;
}

/** Engine.IO packet type digits, as they appear on the wire. */
function eioDigit(type: string): string {
  const digits: Record<string, string> = {
    open: '0',
    close: '1',
    ping: '2',
    pong: '3',
    message: '4',
    upgrade: '5',
    noop: '6',
  };
  return digits[type] ?? '?';
}

export interface InspectorHandle {
  clear(): void;
}

export function startInspector(
  section: HTMLElement,
  demo: string,
  id: string = pageInspectorId(),
): InspectorHandle {
  const log = section.querySelector<HTMLTableSectionElement>('[data-log]');
  const status = section.querySelector<HTMLElement>('[data-status]');
  const pause = section.querySelector<HTMLButtonElement>('[data-pause]');
  const heartbeats = section.querySelector<HTMLInputElement>('[data-show-heartbeats]');
  const scroller = section.querySelector<HTMLElement>('.inspector__scroll');
  if (!log || !status) return { clear() {} };
  let paused = false;
  let count = 0;
  const setStatus = (text: string) => {
    status.textContent = text;
  };
  const applyHeartbeatFilter = () => {
    section.classList.toggle('inspector--heartbeats', heartbeats?.checked ?? false);
  };
  heartbeats?.addEventListener('change', applyHeartbeatFilter);
  applyHeartbeatFilter();
  pause?.addEventListener('click', () => {
    paused = !paused;
    pause.setAttribute('aria-pressed', String(paused));
    pause.textContent = paused ? 'Resume' : 'Pause';
    setStatus(paused ? 'paused' : `${count} packets`);
  });
  section.querySelector('[data-clear]')?.addEventListener('click', () => clear());
  const clear = () => {
    log.replaceChildren();
    count = 0;
    setStatus('cleared');
  };

  const source = new EventSource(`/inspector/events?${new URLSearchParams({ demo, inspect: id })}`);
  source.addEventListener('open', () => setStatus('listening'));
  source.addEventListener('error', () =>
    setStatus(
      source.readyState === EventSource.CLOSED
        ? 'not available: this demo is not running on the course server'
        : 'reconnecting…',
    ),
  );
  source.addEventListener('message', (event: MessageEvent<string>) => {
    if (paused) return;
    let payload: InspectorEntry | { dropped: number };
    try {
      payload = JSON.parse(event.data) as InspectorEntry | { dropped: number };
    } catch {
      return;
    }
    const atBottom = scroller
      ? scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 8
      : true;
    if ('dropped' in payload) {
      const row = document.createElement('tr');
      row.className = 'inspector__row inspector__row--dropped';
      const td = row.insertCell();
      td.colSpan = 5;
      td.textContent = `… ${payload.dropped} more packets in that second, not shown`;
      log.append(row);
    } else {
      log.append(renderRow(payload));
      if (!isHeartbeat(payload)) count++;
    }
    while (log.rows.length > maxRows) log.deleteRow(0);
    setStatus(`${count} packets`);
    if (scroller && atBottom) scroller.scrollTop = scroller.scrollHeight;
  });
  window.addEventListener('pagehide', () => source.close());
  return { clear };
}
