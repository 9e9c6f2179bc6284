/**
 * A `<time>` element for a server timestamp: the machine-readable ISO value in
 * `datetime`, and the time on the reader's own clock as its text. The server
 * sends one moment in UTC; each browser shows it in its local time zone.
 */
export function timeElement(iso: string): HTMLTimeElement {
  const time = document.createElement('time');
  time.dateTime = iso;
  time.textContent = new Date(iso).toLocaleTimeString();
  return time;
}
