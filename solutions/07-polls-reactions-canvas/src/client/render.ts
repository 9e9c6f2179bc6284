import {
  type Message,
  REACTIONS,
  type ReactionCount,
  type SystemMessage,
  type User,
} from '../protocol.ts';
import { timeElement } from './time.ts';

/**
 * Builds the list item for one chat message, with its reactions. User text
 * (the message *and* the nickname) goes in with `textContent` only, never
 * `innerHTML`: a nickname such as `<img src=x onerror=alert(1)>` then shows up
 * as those characters instead of running a script in everyone's browser. (The
 * original built its HTML from strings, nicknames included.)
 *
 * @param myId your own `User.id`, to mark your messages.
 */
export function renderMessage(message: Message, myId?: string): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'message';
  // `data-id` lets us find the message again when its reactions change.
  item.dataset.id = message.id;
  item.classList.toggle('mine', message.userId === myId);
  const author = document.createElement('strong');
  author.className = 'author';
  author.textContent = message.nickname;
  const text = document.createElement('span');
  text.className = 'text';
  text.textContent = message.text;
  // dir="auto": user text is shown in its own direction, isolated from the rest
  // of the line, so a right-to-left override (U+202E) typed into it cannot
  // turn the line around it.
  author.dir = 'auto';
  text.dir = 'auto';
  item.append(author, text, timeElement(message.timestamp), renderReactions(message.reactions));
  return item;
}

/**
 * Builds the reactions row under a message: a button for each emoji someone
 * chose (with its count; pressed if you are one of them), and a small picker
 * to add another. Every button carries its emoji in `data-emoji`; main.ts
 * listens for clicks on the whole list and sends `add_reaction`.
 */
export function renderReactions(reactions: readonly ReactionCount[]): HTMLDivElement {
  const row = document.createElement('div');
  row.className = 'reactions';
  for (const reaction of reactions) {
    const button = reactionButton(reaction.emoji);
    button.setAttribute('aria-pressed', String(reaction.mine));
    const count = document.createElement('span');
    count.className = 'count';
    count.textContent = String(reaction.count);
    button.append(count);
    const people = reaction.count === 1 ? 'person' : 'people';
    button.setAttribute(
      'aria-label',
      `${reaction.emoji} ${reaction.count} ${people}${reaction.mine ? ', including you' : ''}`,
    );
    row.append(button);
  }
  // The picker: a <details> opens and closes without any script.
  const picker = document.createElement('details');
  picker.className = 'react-picker';
  const summary = document.createElement('summary');
  summary.textContent = '☺+';
  summary.setAttribute('aria-label', 'Add a reaction');
  picker.append(summary, ...REACTIONS.map((emoji) => reactionButton(emoji)));
  row.append(picker);
  return row;
}

function reactionButton(emoji: string): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'reaction';
  button.dataset.emoji = emoji;
  button.textContent = emoji;
  return button;
}

/** Puts new reaction counts under the message with this id, if it is in the list. */
export function updateReactions(
  list: HTMLElement,
  messageId: string,
  reactions: readonly ReactionCount[],
): void {
  // Compare ids with `dataset` instead of building a CSS selector from them:
  // no need to worry about what characters an id may contain.
  const item = [...list.children].find(
    (child) => child instanceof HTMLElement && child.dataset.id === messageId,
  );
  item?.querySelector('.reactions')?.replaceWith(renderReactions(reactions));
}

/** Builds the list item for a line from the server: someone joined or left. */
export function renderSystem(event: SystemMessage): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'message system';
  const text = document.createElement('span');
  text.className = 'text';
  text.textContent = event.text;
  text.dir = 'auto';
  item.append(text, timeElement(event.timestamp));
  return item;
}

/**
 * Builds the entry for one user in the "online" list, marking yourself.
 *
 * @param myId your own `User.id`.
 */
export function renderUser(user: User, myId?: string): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'user';
  // A <bdi> keeps the nickname's direction to itself (see renderMessage).
  const name = document.createElement('bdi');
  name.textContent = user.nickname;
  item.append(name);
  if (user.id === myId) {
    item.classList.add('me');
    const you = document.createElement('span');
    you.className = 'you';
    you.textContent = ' (you)';
    item.append(you);
  }
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
 * history and the user list again, and we must not show anything twice.
 */
export function replaceItems(list: HTMLElement, items: HTMLElement[]): void {
  list.replaceChildren(...items);
  list.scrollTop = list.scrollHeight;
}
