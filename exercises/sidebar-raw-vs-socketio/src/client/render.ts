/** Drawing the page: status lines and wire logs. User text only ever goes in through `textContent`. */

/** Which way a log line went: sent by this page, received from the server, or a note from the page. */
export type Direction = 'sent' | 'received' | 'note';

/** One line in a wire log. */
export interface LogEntry {
  direction: Direction;
  /** The exact wire text (or the note). Shown as text, never parsed as HTML. */
  text: string;
  /** Optional explanation, e.g. "Engine.IO MESSAGE + Socket.IO EVENT". */
  detail?: string;
  /** When it happened; now by default. */
  at?: Date;
}

/** The most lines a log keeps; older ones are removed so a long session stays fast. */
export const MAX_LOG_LINES = 200;

const arrows: Record<Direction, string> = { sent: '→', received: '←', note: '•' };
const labels: Record<Direction, string> = { sent: 'sent', received: 'received', note: 'note' };

/** Appends one line to a log list and scrolls it into view. */
export function appendLogLine(list: HTMLElement, entry: LogEntry): HTMLLIElement {
  const at = entry.at ?? new Date();
  const item = document.createElement('li');
  item.className = `log-line ${entry.direction}`;
  item.dataset.direction = entry.direction;

  const time = document.createElement('time');
  time.dateTime = at.toISOString();
  time.textContent = at.toLocaleTimeString(); // the browser's local time

  const arrow = document.createElement('span');
  arrow.className = 'arrow';
  arrow.textContent = arrows[entry.direction];
  arrow.title = labels[entry.direction];

  const text = document.createElement(entry.direction === 'note' ? 'span' : 'code');
  text.className = 'wire';
  text.textContent = entry.text;

  item.append(time, ' ', arrow, ' ', text);
  if (entry.detail) {
    const detail = document.createElement('span');
    detail.className = 'detail';
    detail.textContent = entry.detail;
    item.append(detail);
  }
  list.append(item);
  while (list.children.length > MAX_LOG_LINES) list.firstElementChild?.remove();
  list.scrollTop = list.scrollHeight;
  return item;
}

/** Connection states shown on the page (`closed` is the raw socket's final state). */
export type ConnectionState =
  | 'connecting'
  | 'connected'
  | 'reconnecting'
  | 'disconnected'
  | 'closed';

/** Shows a connection state: words for everyone, and `data-state` for the CSS colour. */
export function showStatus(element: HTMLElement, state: ConnectionState, text: string): void {
  element.dataset.state = state;
  element.textContent = text;
}
