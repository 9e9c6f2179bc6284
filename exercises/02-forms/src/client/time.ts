/**
 * The server writes every time as UTC (it cannot know your time zone), in a
 * `<time datetime="2025-01-31T14:03:00.000Z">` element. This rewrites the
 * visible text in your browser's local time; the ISO value stays in `datetime`.
 * Without JavaScript the page still works: you just see UTC.
 *
 * @returns how many `<time>` elements were updated.
 */
export function localizeTimes(root: ParentNode): number {
  let count = 0;
  for (const element of root.querySelectorAll('time[datetime]')) {
    const date = new Date(element.getAttribute('datetime') ?? '');
    if (Number.isNaN(date.getTime())) continue; // leave anything unreadable alone
    element.textContent = date.toLocaleTimeString();
    element.setAttribute('title', date.toLocaleString());
    count += 1;
  }
  return count;
}
