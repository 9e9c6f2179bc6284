// @vitest-environment happy-dom
// The browser code without a socket: rendering messages, system lines and
// users, escaping, local time, and the page's labels.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { showConnection } from '../src/client/connection.ts';
import {
  appendItem,
  renderMessage,
  renderSystem,
  renderUser,
  replaceItems,
} from '../src/client/render.ts';
import { timeElement } from '../src/client/time.ts';
import type { Message } from '../src/protocol.ts';

const timestamp = '2025-01-31T09:15:00.000Z';
const payload = '<img src=x onerror=alert(1)>';
const message = (over: Partial<Message> = {}): Message => ({
  id: 'm1',
  type: 'user',
  text: 'hi',
  nickname: 'Alice',
  userId: 'u1',
  timestamp,
  ...over,
});

/** True when `element` shows its text bidi-isolated: `dir="auto"`, or a <bdi>. */
function isolated(element: Element | null | undefined): boolean {
  return element?.tagName === 'BDI' || element?.getAttribute('dir') === 'auto';
}

describe('user text', () => {
  it('is shown isolated, so a right-to-left override cannot turn the line', () => {
    const item = renderMessage(message({ text: '\u202eevil', nickname: 'مريم' }));
    expect(isolated(item.querySelector('.author'))).toBe(true);
    expect(isolated(item.querySelector('.text'))).toBe(true);
    const user = renderUser({ id: 'u1', nickname: 'مريم', joinedAt: timestamp } as never, 'u1');
    expect(isolated(user.querySelector('bdi'))).toBe(true);
  });
});

describe('renderMessage', () => {
  it('renders injection payloads in the text and the nickname as literal text', () => {
    const item = renderMessage(message({ text: payload, nickname: payload }));
    expect(item.querySelector('.text')?.textContent).toBe(payload);
    expect(item.querySelector('.author')?.textContent).toBe(payload);
    expect(item.querySelector('img')).toBeNull();
  });

  it('marks your own messages, and only yours', () => {
    expect(renderMessage(message(), 'u1').classList.contains('mine')).toBe(true);
    expect(renderMessage(message(), 'u2').classList.contains('mine')).toBe(false);
    expect(renderMessage(message()).classList.contains('mine')).toBe(false);
  });

  it('shows the time in local time with the ISO value in datetime', () => {
    const time = renderMessage(message()).querySelector('time');
    expect(time?.getAttribute('datetime')).toBe(timestamp);
    expect(time?.textContent).toBe(new Date(timestamp).toLocaleTimeString());
  });
});

describe('renderSystem', () => {
  it('renders a join line as text, nickname payload included', () => {
    const item = renderSystem({
      type: 'system',
      text: `${payload} joined the chat`,
      timestamp,
      userCount: 2,
    });
    expect(item.classList.contains('system')).toBe(true);
    expect(item.querySelector('.text')?.textContent).toBe(`${payload} joined the chat`);
    expect(item.querySelector('img')).toBeNull();
    expect(item.querySelector('time')?.dateTime).toBe(timestamp);
  });
});

describe('renderUser and replaceItems', () => {
  it('replaces the whole online list on each update', () => {
    const list = document.createElement('ul');
    const alice = { id: 'u1', nickname: 'Alice', joinedAt: timestamp };
    const bob = { id: 'u2', nickname: 'Bob', joinedAt: timestamp };
    replaceItems(
      list,
      [alice, bob].map((user) => renderUser(user, 'u2')),
    );
    replaceItems(
      list,
      [bob].map((user) => renderUser(user, 'u2')),
    );
    expect([...list.children].map((li) => li.textContent)).toEqual(['Bob (you)']);
  });

  it('appends system lines after messages', () => {
    const list = document.createElement('ol');
    appendItem(list, renderMessage(message()));
    appendItem(
      list,
      renderSystem({ type: 'system', text: 'Bob left the chat', timestamp, userCount: 1 }),
    );
    expect(list.lastElementChild?.textContent).toContain('Bob left the chat');
  });
});

describe('timeElement and showConnection', () => {
  it('shows local time, and the connection state in words', () => {
    expect(timeElement(timestamp).textContent).toBe(new Date(timestamp).toLocaleTimeString());
    const status = document.createElement('p');
    showConnection(status, 'disconnected');
    expect(status.textContent).toBe('Disconnected');
  });
});

describe('index.html', () => {
  it('labels every input, hides the chat until joining, and announces messages politely', async () => {
    // Without its <link> and <script> tags: the test needs the markup, not the CSS or code.
    const file = join(import.meta.dirname, '../public/index.html');
    const html = (await readFile(file, 'utf8')).replace(/<link[^>]*>|<script[^>]*><\/script>/g, '');
    const page = new DOMParser().parseFromString(html, 'text/html');
    for (const input of page.querySelectorAll('input')) {
      expect(
        page.querySelector(`label[for="${input.id}"]`),
        `label for #${input.id}`,
      ).not.toBeNull();
    }
    expect(page.getElementById('join')?.hasAttribute('hidden')).toBe(false);
    expect(page.getElementById('chat')?.hasAttribute('hidden')).toBe(true);
    expect(page.getElementById('message-form')?.hasAttribute('hidden')).toBe(true);
    expect(page.getElementById('messages')?.getAttribute('aria-live')).toBe('polite');
    expect(page.getElementById('join-error')?.getAttribute('role')).toBe('alert');
  });
});
