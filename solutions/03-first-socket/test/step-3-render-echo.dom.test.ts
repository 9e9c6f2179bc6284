// Goal: the browser turns each echo into a list item that shows who sent it,
// what they said and when, all as plain text (textContent), so that a message
// containing HTML is shown as characters and never becomes part of the page.
import { useDocument } from '@funws/testkit/dom';
import { describe, expect, it } from 'vitest';
import { renderEcho } from '../src/client/render.ts';

// The page's code builds elements with `document`: give it one, as the browser does.
useDocument();

const where = 'in src/client/render.ts, renderEcho (step 3)';

describe('step 3: render each echo', () => {
  it('shows the username, the message and a <time> for the timestamp', () => {
    const item = renderEcho({
      username: 'Alice',
      message: 'hello there',
      echo: true,
      timestamp: '2025-01-31T09:15:00.000Z',
    });
    expect(item.textContent, `${where}: the item should contain the username`).toContain('Alice');
    expect(item.textContent, `${where}: the item should contain the message`).toContain(
      'hello there',
    );
    const time = item.querySelector('time');
    expect(
      time,
      `${where}: the item should contain a <time> element (use timeElement)`,
    ).not.toBeNull();
    expect(time?.dateTime).toBe('2025-01-31T09:15:00.000Z');
  });

  it('shows HTML in a message as text and creates no element from it', () => {
    const item = renderEcho({
      username: '<b>Mallory</b>',
      message: '<img src=x onerror=alert(1)>',
      echo: true,
      timestamp: '2025-01-31T09:15:00.000Z',
    });
    expect(item.textContent, `${where}: the message should appear as text`).toContain(
      '<img src=x onerror=alert(1)>',
    );
    expect(item.textContent).toContain('<b>Mallory</b>');
    expect(item.querySelector('img, b'), `${where}: use textContent, never innerHTML`).toBeNull();
  });
});
