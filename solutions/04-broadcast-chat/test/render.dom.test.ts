// @vitest-environment happy-dom
// The browser code without a socket: rendering, escaping, local time,
// history replacement, connection status, and the page's labels.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { showConnection } from '../src/client/connection.ts';
import { appendItem, renderMessage, replaceItems } from '../src/client/render.ts';
import { timeElement } from '../src/client/time.ts';

const timestamp = '2025-01-31T09:15:00.000Z';

describe('renderMessage', () => {
  it('renders a script-injection payload as literal text, creating no element', () => {
    const payload = '<img src=x onerror=alert(1)>';
    const item = renderMessage({ id: 'm1', text: payload, timestamp });
    expect(item.querySelector('.text')?.textContent).toBe(payload);
    expect(item.querySelector('img')).toBeNull();
    expect(item.innerHTML).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('shows the text isolated, so a right-to-left override cannot turn the line', () => {
    const item = renderMessage({ id: 'm1', text: '\u202eevil', timestamp });
    expect(item.querySelector('.text')?.getAttribute('dir')).toBe('auto');
  });

  it('keeps the message id in data-id', () => {
    expect(renderMessage({ id: 'm1', text: 'hi', timestamp }).dataset.id).toBe('m1');
  });
});

describe('timeElement', () => {
  it('shows the time in the browser’s local time, with the ISO value in datetime', () => {
    const time = timeElement(timestamp);
    expect(time.getAttribute('datetime')).toBe(timestamp);
    expect(time.textContent).toBe(new Date(timestamp).toLocaleTimeString());
  });
});

describe('appendItem and replaceItems', () => {
  it('replaces the list with the history, so a reconnect shows no duplicates', () => {
    const list = document.createElement('ol');
    const history = [
      { id: 'a', text: 'one', timestamp },
      { id: 'b', text: 'two', timestamp },
    ];
    replaceItems(list, history.map(renderMessage));
    appendItem(list, renderMessage({ id: 'c', text: 'three', timestamp }));
    replaceItems(list, history.map(renderMessage));
    expect([...list.children].map((li) => li.querySelector('.text')?.textContent)).toEqual([
      'one',
      'two',
    ]);
  });
});

describe('showConnection', () => {
  it('shows each state in words and in data-state', () => {
    const status = document.createElement('p');
    showConnection(status, 'reconnecting');
    expect(status.textContent).toBe('Reconnecting…');
    expect(status.dataset.state).toBe('reconnecting');
  });
});

describe('index.html', () => {
  it('gives every input a label, and announces new messages politely', async () => {
    // (A path, not a URL: under happy-dom, `URL` is the DOM's class, which node:fs refuses.)
    const file = join(import.meta.dirname, '../public/index.html');
    // Without its <link> and <script> tags: the test needs the markup, not the CSS or code.
    const html = (await readFile(file, 'utf8')).replace(/<link[^>]*>|<script[^>]*><\/script>/g, '');
    const page = new DOMParser().parseFromString(html, 'text/html');
    for (const input of page.querySelectorAll('input')) {
      expect(
        page.querySelector(`label[for="${input.id}"]`),
        `label for #${input.id}`,
      ).not.toBeNull();
    }
    expect(page.getElementById('messages')?.getAttribute('aria-live')).toBe('polite');
    expect(page.getElementById('connection')?.getAttribute('role')).toBe('status');
  });
});
