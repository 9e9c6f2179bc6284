// @vitest-environment happy-dom
// The browser code without a socket: messages with their reactions, system
// lines and users; escaping in every field; local time; the page's labels.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { showConnection } from '../src/client/connection.ts';
import {
  renderMessage,
  renderReactions,
  renderSystem,
  renderUser,
  replaceItems,
  updateReactions,
} from '../src/client/render.ts';
import { timeElement } from '../src/client/time.ts';
import { type Message, REACTIONS } from '../src/protocol.ts';

const timestamp = '2025-01-31T09:15:00.000Z';
const payload = '<img src=x onerror=alert(1)>';
const message = (over: Partial<Message> = {}): Message => ({
  id: 'm1',
  type: 'user',
  text: 'hi',
  nickname: 'Alice',
  userId: 'u1',
  timestamp,
  reactions: [],
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

  it('keeps the id, marks your own messages, and shows local time', () => {
    const item = renderMessage(message(), 'u1');
    expect(item.dataset.id).toBe('m1');
    expect(item.classList.contains('mine')).toBe(true);
    expect(item.querySelector('time')?.getAttribute('datetime')).toBe(timestamp);
    expect(item.querySelector('time')?.textContent).toBe(new Date(timestamp).toLocaleTimeString());
  });
});

describe('renderReactions', () => {
  it('shows a pressed or unpressed chip per emoji in use, with its count', () => {
    const row = renderReactions([
      { emoji: '👍', count: 2, mine: true },
      { emoji: '😂', count: 1, mine: false },
    ]);
    const chips = [...row.querySelectorAll<HTMLButtonElement>(':scope > .reaction')];
    expect(chips.map((chip) => chip.textContent)).toEqual(['👍2', '😂1']);
    expect(chips.map((chip) => chip.getAttribute('aria-pressed'))).toEqual(['true', 'false']);
    expect(chips[0]?.getAttribute('aria-label')).toBe('👍 2 people, including you');
    expect(chips.map((chip) => chip.dataset.emoji)).toEqual(['👍', '😂']);
  });

  it('offers every emoji of the fixed set in a picker', () => {
    const picker = renderReactions([]).querySelector('details.react-picker');
    expect(picker?.querySelector('summary')?.getAttribute('aria-label')).toBe('Add a reaction');
    const choices = [...(picker?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    expect(choices.map((choice) => choice.dataset.emoji)).toEqual([...REACTIONS]);
  });

  it('updates the counts under the right message only', () => {
    const list = document.createElement('ol');
    replaceItems(list, [renderMessage(message({ id: 'a' })), renderMessage(message({ id: 'b' }))]);
    updateReactions(list, 'b', [{ emoji: '🎉', count: 3, mine: false }]);
    updateReactions(list, 'no-such-id', [{ emoji: '👍', count: 1, mine: true }]);
    const chipsOf = (index: number) =>
      [...(list.children[index]?.querySelectorAll('.reactions > .reaction') ?? [])].map(
        (chip) => chip.textContent,
      );
    expect(chipsOf(0)).toEqual([]);
    expect(chipsOf(1)).toEqual(['🎉3']);
  });
});

describe('renderSystem and renderUser', () => {
  it('renders a join line and a user entry as text, payloads included', () => {
    const line = renderSystem({
      type: 'system',
      text: `${payload} joined`,
      timestamp,
      userCount: 1,
    });
    const user = renderUser({ id: 'u1', nickname: payload, joinedAt: timestamp }, 'u1');
    expect(line.querySelector('.text')?.textContent).toBe(`${payload} joined`);
    expect(user.textContent).toBe(`${payload} (you)`);
    expect(line.querySelector('img')).toBeNull();
    expect(user.querySelector('img')).toBeNull();
  });
});

describe('timeElement and showConnection', () => {
  it('shows local time, and the connection state in words', () => {
    expect(timeElement(timestamp).textContent).toBe(new Date(timestamp).toLocaleTimeString());
    const status = document.createElement('p');
    showConnection(status, 'connected');
    expect(status.textContent).toBe('Connected');
  });
});

describe('index.html', () => {
  it('labels every field, lets the canvas take touch, and announces messages and polls politely', async () => {
    const file = join(import.meta.dirname, '../public/index.html');
    const html = (await readFile(file, 'utf8')).replace(/<link[^>]*>|<script[^>]*><\/script>/g, '');
    const page = new DOMParser().parseFromString(html, 'text/html');
    for (const field of page.querySelectorAll('input, textarea')) {
      expect(
        page.querySelector(`label[for="${field.id}"]`),
        `label for #${field.id}`,
      ).not.toBeNull();
    }
    expect(page.getElementById('canvas')?.getAttribute('aria-label')).toBeTruthy();
    expect(page.getElementById('chat')?.hasAttribute('hidden')).toBe(true);
    expect(page.getElementById('messages')?.getAttribute('aria-live')).toBe('polite');
    expect(page.getElementById('polls')?.getAttribute('aria-live')).toBe('polite');
    const css = await readFile(join(import.meta.dirname, '../public/style.css'), 'utf8');
    expect(css, 'the canvas must not scroll the page on touch').toMatch(
      /\.canvas \{[^}]*touch-action: none/,
    );
  });
});
