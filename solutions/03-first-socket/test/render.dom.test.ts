// @vitest-environment happy-dom
// The browser code without a socket: rendering, escaping, local time,
// connection status, and the page's labels.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { showConnection } from '../src/client/connection.ts';
import { appendItem, renderEcho } from '../src/client/render.ts';
import { timeElement } from '../src/client/time.ts';

const timestamp = '2025-01-31T09:15:00.000Z';

/** True when `element` shows its text bidi-isolated: `dir="auto"`, or a <bdi>. */
function isolated(element: Element | null | undefined): boolean {
  return element?.tagName === 'BDI' || element?.getAttribute('dir') === 'auto';
}

describe('renderEcho', () => {
  it('shows username and message isolated, so a right-to-left override cannot turn the line', () => {
    const item = renderEcho({
      username: '\u202emallory',
      message: '\u202eevil',
      echo: true,
      timestamp,
    });
    expect(isolated(item.querySelector('.author'))).toBe(true);
    expect(isolated(item.querySelector('.text'))).toBe(true);
  });

  it('renders a script-injection payload as literal text, creating no element', () => {
    const payload = '<img src=x onerror=alert(1)>';
    const item = renderEcho({ username: payload, message: payload, echo: true, timestamp });
    expect(item.querySelector('.text')?.textContent).toBe(payload);
    expect(item.querySelector('.author')?.textContent).toBe(payload);
    expect(item.querySelector('img')).toBeNull();
    expect(item.innerHTML).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('puts author, text and time in their own elements, for styling', () => {
    const item = renderEcho({ username: 'Alice', message: 'hi', echo: true, timestamp });
    expect(item.tagName).toBe('LI');
    expect(item.querySelector('.author')?.textContent).toBe('Alice');
    expect(item.querySelector('.text')?.textContent).toBe('hi');
  });
});

describe('timeElement', () => {
  it('shows the time in the browser’s local time, with the ISO value in datetime', () => {
    const time = timeElement(timestamp);
    expect(time.tagName).toBe('TIME');
    expect(time.getAttribute('datetime')).toBe(timestamp);
    expect(time.textContent).toBe(new Date(timestamp).toLocaleTimeString());
  });
});

describe('appendItem', () => {
  it('adds the item at the end of the list', () => {
    const list = document.createElement('ol');
    appendItem(list, document.createElement('li'));
    appendItem(list, renderEcho({ username: 'A', message: 'last', echo: true, timestamp }));
    expect(list.children).toHaveLength(2);
    expect(list.lastElementChild?.textContent).toContain('last');
  });
});

describe('showConnection', () => {
  it('shows each state in words and in data-state', () => {
    const status = document.createElement('p');
    for (const [state, words] of [
      ['connecting', 'Connecting…'],
      ['connected', 'Connected'],
      ['reconnecting', 'Reconnecting…'],
      ['disconnected', 'Disconnected'],
    ] as const) {
      showConnection(status, state);
      expect(status.textContent).toBe(words);
      expect(status.dataset.state).toBe(state);
    }
  });
});

describe('index.html', () => {
  it('gives every input a label, and announces new echoes politely', async () => {
    // (A path, not a URL: under happy-dom, `URL` is the DOM's class, which node:fs refuses.)
    const file = join(import.meta.dirname, '../public/index.html');
    // Without its <link> and <script> tags: the test needs the markup, not the CSS or code.
    const html = (await readFile(file, 'utf8')).replace(/<link[^>]*>|<script[^>]*><\/script>/g, '');
    const page = new DOMParser().parseFromString(html, 'text/html');
    const inputs = [...page.querySelectorAll('input')];
    expect(inputs.length).toBeGreaterThan(0);
    for (const input of inputs) {
      expect(
        page.querySelector(`label[for="${input.id}"]`),
        `label for #${input.id}`,
      ).not.toBeNull();
    }
    expect(page.getElementById('messages')?.getAttribute('aria-live')).toBe('polite');
    expect(page.getElementById('connection')?.getAttribute('role')).toBe('status');
  });
});
