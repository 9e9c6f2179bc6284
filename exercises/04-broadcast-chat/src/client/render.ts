import type { Message } from '../protocol.ts';
import { timeElement } from './time.ts';

/**
 * Builds the list item for one chat message. User text goes in with
 * `textContent` only, never `innerHTML`: `<img src=x onerror=alert(1)>` then
 * shows up as those characters instead of becoming an image that runs a
 * script. (The original built its HTML from strings, so any message could run
 * code in everyone's browser; with a broadcast, that means every user's.)
 * And `dir="auto"` shows the text in its own direction, isolated from the
 * line, so a right-to-left override (U+202E) inside it cannot turn the time
 * next to it around.
 */
export function renderMessage(message: Message): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'message';
  // `data-id` lets later demos find a message again (for reactions, in demo 7).
  item.dataset.id = message.id;
  // TODO(step 5): Show the message's text and time, as plain text
  return item;
}

/** Adds an item at the end of a list and scrolls the list so it is visible. */
export function appendItem(list: HTMLElement, item: HTMLElement): void {
  list.append(item);
  list.scrollTop = list.scrollHeight;
}

/**
 * Replaces everything in a list with these items and scrolls to the newest.
 * Replacing (not adding) matters: after a reconnect the server sends the
 * history again, and we must not show every message twice.
 */
export function replaceItems(list: HTMLElement, items: HTMLElement[]): void {
  list.replaceChildren(...items);
  list.scrollTop = list.scrollHeight;
}
