/**
 * The browser side of PollingVsWebSocket: a short-polling loop against
 * `/lab/ticks` and a socket.io connection (WebSocket only) to `/lab/socket.io`.
 */
import { io, type Socket } from 'socket.io-client';

interface Tick {
  seq: number;
  at: number;
}

/** Running totals of one column. */
export interface LabStats {
  requests: number;
  empty: number;
  ticks: number;
  bytes: number;
  delaySum: number;
  lastDelay: number | undefined;
}

export function emptyStats(): LabStats {
  return { requests: 0, empty: 0, ticks: 0, bytes: 0, delaySum: 0, lastDelay: undefined };
}

/** Adds the ticks one response or message brought, measured at `now`. */
export function recordTicks(stats: LabStats, ticks: Tick[], now: number): void {
  if (ticks.length === 0) stats.empty++;
  for (const tick of ticks) {
    const delay = Math.max(0, now - tick.at);
    stats.ticks++;
    stats.delaySum += delay;
    stats.lastDelay = delay;
  }
}

export function averageDelay(stats: LabStats): string {
  return stats.ticks === 0 ? '–' : `${Math.round(stats.delaySum / stats.ticks)} ms`;
}

/** Response headers a server sends with a small JSON body, roughly. */
const responseHeadBytes = 200;

export function startLab(cell: HTMLElement): void {
  const q = <T extends HTMLElement>(selector: string) => cell.querySelector<T>(selector)!;
  const toggle = q<HTMLButtonElement>('[data-toggle]');
  const intervalSelect = q<HTMLSelectElement>('[data-interval]');
  const note = q('[data-note]');
  let polling = emptyStats();
  let pushed = emptyStats();
  let running = false;
  let lastSeq = 0;
  let primed = false;
  let pollTimer: number | undefined;
  let socket: Socket | undefined;

  const show = (column: string, stats: LabStats) => {
    const set = (name: string, value: string) => {
      const target = cell.querySelector(`[data-column="${column}"] [data-stat="${name}"]`);
      if (target) target.textContent = value;
    };
    set('requests', String(stats.requests));
    set('empty', String(stats.empty));
    set('ticks', String(stats.ticks));
    set('bytes', stats.bytes.toLocaleString());
    set('delay', averageDelay(stats));
    set('last', stats.lastDelay === undefined ? '–' : `${Math.round(stats.lastDelay)} ms`);
  };
  const showAll = () => {
    show('polling', polling);
    show('socket', pushed);
  };

  const poll = async () => {
    if (!running) return;
    try {
      const response = await fetch(`/lab/ticks?after=${lastSeq}`, { cache: 'no-store' });
      const body = await response.text();
      const parsed = JSON.parse(body) as { ticks: Tick[]; requestBytes: number };
      polling.requests++;
      polling.bytes += parsed.requestBytes + responseHeadBytes + body.length;
      // The first answer may hold ticks from before we started: skip their delays.
      recordTicks(polling, primed ? parsed.ticks : [], Date.now());
      primed = true;
      for (const tick of parsed.ticks) lastSeq = Math.max(lastSeq, tick.seq);
      showAll();
    } catch {
      note.textContent = 'The course server did not answer; is it still running?';
    }
    if (running) pollTimer = window.setTimeout(poll, Number(intervalSelect.value));
  };

  const start = () => {
    running = true;
    toggle.textContent = 'Stop';
    toggle.setAttribute('aria-pressed', 'true');
    socket = io({ path: '/lab/socket.io', transports: ['websocket'] });
    // The WebSocket handshake is one HTTP request; after that, only frames.
    pushed.requests++;
    pushed.bytes += 450;
    socket.on('tick', (tick: Tick) => {
      recordTicks(pushed, [tick], Date.now());
      // The Socket.IO packet `42["tick",{…}]` in a frame with a 2-byte header.
      pushed.bytes += JSON.stringify(['tick', tick]).length + 2 + 2;
      showAll();
    });
    socket.on('connect_error', () => {
      note.textContent = 'The WebSocket could not connect to the course server.';
    });
    void poll();
    showAll();
  };
  const stop = () => {
    running = false;
    toggle.textContent = 'Start';
    toggle.setAttribute('aria-pressed', 'false');
    window.clearTimeout(pollTimer);
    socket?.disconnect();
    socket = undefined;
  };

  toggle.addEventListener('click', () => (running ? stop() : start()));
  q('[data-reset]').addEventListener('click', () => {
    polling = emptyStats();
    pushed = emptyStats();
    if (running) pushed.requests = 1;
    showAll();
  });
  window.addEventListener('pagehide', stop);
}
