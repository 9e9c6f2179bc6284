// @vitest-environment happy-dom
// The browser code without a socket: rendering messages, system lines, users,
// whispers and rooms; escaping in every field; local time; the page's labels.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { showConnection } from '../src/client/connection.ts';
import {
  appendItem,
  renderMessage,
  renderRoom,
  renderSystem,
  renderUser,
  renderWhisper,
  replaceItems,
} from '../src/client/render.ts';
import { timeElement } from '../src/client/time.ts';
import type { Message, PrivateMessage, RoomName } from '../src/protocol.ts';

const timestamp = '2025-01-31T09:15:00.000Z';
const payload = '<img src=x onerror=alert(1)>';
const message = (over: Partial<Message> = {}): Message => ({
  id: 'm1',
  type: 'user',
  text: 'hi',
  nickname: 'Alice',
  userId: 'u1',
  timestamp,
  room: 'general',
  ...over,
});
const whisper = (over: Partial<PrivateMessage> = {}): PrivateMessage => ({
  type: 'whisper',
  text: 'psst',
  from: 'Alice',
  to: 'Bob',
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
    const whisper = renderWhisper({
      type: 'whisper',
      text: '\u202eevil',
      from: 'alice',
      to: 'bob',
      timestamp,
    });
    expect(isolated(whisper.querySelector('.text'))).toBe(true);
    expect([...whisper.querySelectorAll('.author bdi')].map((b) => b.textContent)).toEqual([
      'alice',
      'bob',
    ]);
  });
});

describe('renderMessage', () => {
  it('renders injection payloads in the text and the nickname as literal text', () => {
    const item = renderMessage(message({ text: payload, nickname: payload }));
    expect(item.querySelector('.text')?.textContent).toBe(payload);
    expect(item.querySelector('.author')?.textContent).toBe(payload);
    expect(item.querySelector('img')).toBeNull();
  });

  it('marks your own messages and shows the time in local time', () => {
    const item = renderMessage(message(), 'u1');
    expect(item.classList.contains('mine')).toBe(true);
    const time = item.querySelector('time');
    expect(time?.getAttribute('datetime')).toBe(timestamp);
    expect(time?.textContent).toBe(new Date(timestamp).toLocaleTimeString());
  });
});

describe('renderWhisper', () => {
  it('marks a whisper and shows who sent it to whom, as text', () => {
    const item = renderWhisper(whisper({ from: payload, to: 'Bob', text: payload }), 'Bob');
    expect(item.classList.contains('whisper')).toBe(true);
    expect(item.querySelector('.whisper-label')?.textContent).toBe('Whisper');
    expect(item.querySelector('.author')?.textContent).toBe(`${payload} → you`);
    expect(item.querySelector('.text')?.textContent).toBe(payload);
    expect(item.querySelector('img')).toBeNull();
    expect(item.querySelector('time')?.dateTime).toBe(timestamp);
  });

  it('says "you" for your own side of a whisper you sent', () => {
    const item = renderWhisper(whisper(), 'Alice');
    expect(item.querySelector('.author')?.textContent).toBe('you → Bob');
  });
});

describe('renderRoom', () => {
  it('shows the room name and head count, and marks the current room', () => {
    const current = renderRoom({ name: 'tech', userCount: 3 }, 'tech');
    const button = current.querySelector('button');
    expect(button?.textContent).toBe('#tech (3)');
    expect(button?.dataset.room).toBe('tech');
    expect(button?.getAttribute('aria-current')).toBe('true');
    const other = renderRoom({ name: 'random', userCount: 0 }, 'tech');
    expect(other.querySelector('button')?.hasAttribute('aria-current')).toBe(false);
  });

  it('shows even a strange room name as text', () => {
    const item = renderRoom({ name: payload as RoomName, userCount: 1 });
    expect(item.querySelector('button')?.textContent).toBe(`#${payload} (1)`);
    expect(item.querySelector('img')).toBeNull();
  });
});

describe('renderSystem and renderUser', () => {
  it('renders a join line and a user entry as text, payloads included', () => {
    const line = renderSystem({
      type: 'system',
      text: `${payload} joined #general`,
      timestamp,
      userCount: 2,
      room: 'general',
    });
    expect(line.querySelector('.text')?.textContent).toBe(`${payload} joined #general`);
    const user = renderUser(
      { id: 'u1', nickname: payload, joinedAt: timestamp, room: 'general' },
      'u1',
    );
    expect(user.textContent).toBe(`${payload} (you)`);
    expect(line.querySelector('img')).toBeNull();
    expect(user.querySelector('img')).toBeNull();
  });

  it('replaces a list on a room switch, so the old room’s messages go', () => {
    const list = document.createElement('ol');
    replaceItems(list, [renderMessage(message({ text: 'in general' }))]);
    appendItem(list, renderWhisper(whisper()));
    replaceItems(list, [renderMessage(message({ text: 'in tech', room: 'tech' }))]);
    expect([...list.children].map((item) => item.querySelector('.text')?.textContent)).toEqual([
      'in tech',
    ]);
  });
});

describe('timeElement and showConnection', () => {
  it('shows local time, and the connection state in words', () => {
    expect(timeElement(timestamp).textContent).toBe(new Date(timestamp).toLocaleTimeString());
    const status = document.createElement('p');
    showConnection(status, 'reconnecting');
    expect(status.textContent).toBe('Reconnecting…');
    expect(status.dataset.state).toBe('reconnecting');
  });
});

describe('index.html', () => {
  it('labels every field, offers the three rooms, and announces messages and typing politely', async () => {
    const file = join(import.meta.dirname, '../public/index.html');
    const html = (await readFile(file, 'utf8')).replace(/<link[^>]*>|<script[^>]*><\/script>/g, '');
    const page = new DOMParser().parseFromString(html, 'text/html');
    for (const field of page.querySelectorAll('input, select')) {
      expect(
        page.querySelector(`label[for="${field.id}"]`),
        `label for #${field.id}`,
      ).not.toBeNull();
    }
    const options = [...page.querySelectorAll<HTMLOptionElement>('#room option')];
    expect(options.map((option) => option.value)).toEqual(['general', 'random', 'tech']);
    expect(page.getElementById('chat')?.hasAttribute('hidden')).toBe(true);
    expect(page.getElementById('messages')?.getAttribute('aria-live')).toBe('polite');
    expect(page.getElementById('typing')?.getAttribute('aria-live')).toBe('polite');
    expect(page.getElementById('join-error')?.getAttribute('role')).toBe('alert');
  });
});
