import type { EchoResponse } from '../protocol.ts';
import { timeElement } from './time.ts';

/**
 * Builds the list item for one echo. User text goes in with `textContent`
 * only, never `innerHTML`: `<img src=x onerror=alert(1)>` then shows up as
 * those characters instead of becoming an image that runs a script. (The
 * original built its HTML from strings, so any message could run code in
 * everyone's browser.) And `dir="auto"` shows each piece of user text in its
 * own direction, isolated from the line, so a right-to-left override (U+202E)
 * inside it cannot turn the rest of the line around.
 */
export function renderEcho(echo: EchoResponse): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'message';
  // #region step-3: Show the echo's username, message and time, all as plain text
  const author = document.createElement('strong');
  author.className = 'author';
  author.textContent = echo.username;
  author.dir = 'auto';
  const text = document.createElement('span');
  text.className = 'text';
  text.textContent = echo.message;
  text.dir = 'auto';
  item.append(author, text, timeElement(echo.timestamp));
  // #endregion step-3
  return item;
}

/** Adds an item at the end of a list and scrolls the list so it is visible. */
export function appendItem(list: HTMLElement, item: HTMLElement): void {
  list.append(item);
  list.scrollTop = list.scrollHeight;
}
