// Goal: the browser turns each message into a list item that shows its text
// and time, as plain text (textContent), so that a message containing HTML is
// shown as characters and never becomes part of the page.
import { useDocument } from '@funws/testkit/dom';
import { describe, expect, it } from 'vitest';
import { renderMessage } from '../src/client/render.ts';

// The page's code builds elements with `document`: give it one, as the browser does.
useDocument();

const where = 'in src/client/render.ts, renderMessage (step 5)';
const timestamp = '2025-01-31T09:15:00.000Z';

describe('step 5: render a message', () => {
  it('shows the text and a <time> for the timestamp', () => {
    const item = renderMessage({ id: 'm1', text: 'hello there', timestamp });
    expect(item.textContent, `${where}: the item should contain the text`).toContain('hello there');
    const time = item.querySelector('time');
    expect(
      time,
      `${where}: the item should contain a <time> element (use timeElement)`,
    ).not.toBeNull();
    expect(time?.dateTime).toBe(timestamp);
  });

  it('shows HTML in a message as text and creates no element from it', () => {
    const item = renderMessage({ id: 'm2', text: '<img src=x onerror=alert(1)>', timestamp });
    expect(item.textContent, `${where}: the message should appear as text`).toContain(
      '<img src=x onerror=alert(1)>',
    );
    expect(item.querySelector('img'), `${where}: use textContent, never innerHTML`).toBeNull();
  });
});
