// Goal: each user in the "online" list shows their nickname as plain text
// (textContent), and your own entry is marked "(you)", so you can find
// yourself in the list.
import { useDocument } from '@funws/testkit/dom';
import { describe, expect, it } from 'vitest';
import { renderUser } from '../src/client/render.ts';

// The page's code builds elements with `document`: give it one, as the browser does.
useDocument();

const where = 'in src/client/render.ts, renderUser (step 5)';
const joinedAt = '2025-01-31T09:15:00.000Z';

describe('step 5: show who is online', () => {
  it('shows the nickname', () => {
    const item = renderUser({ id: 'u1', nickname: 'Alice', joinedAt }, 'someone-else');
    expect(item.textContent, `${where}: the entry should show the nickname`).toBe('Alice');
  });

  it('marks your own entry with "(you)"', () => {
    const item = renderUser({ id: 'u1', nickname: 'Alice', joinedAt }, 'u1');
    expect(item.textContent, `${where}: your own entry should end with "(you)"`).toMatch(
      /^Alice\s*\(you\)$/,
    );
  });

  it('shows HTML in a nickname as text and creates no element from it', () => {
    const item = renderUser({ id: 'u2', nickname: '<img src=x onerror=alert(1)>', joinedAt });
    expect(item.textContent, `${where}: the nickname should appear as text`).toBe(
      '<img src=x onerror=alert(1)>',
    );
    expect(item.querySelector('img'), `${where}: use textContent, never innerHTML`).toBeNull();
  });
});
