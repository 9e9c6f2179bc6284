import type {
  Message,
  PrivateMessage,
  RoomInfo,
  RoomName,
  SystemMessage,
  User,
} from '../protocol.ts';
import { timeElement } from './time.ts';

/**
 * Builds the list item for one chat message. User text (the message *and* the
 * nickname) goes in with `textContent` only, never `innerHTML`: a nickname
 * such as `<img src=x onerror=alert(1)>` then shows up as those characters
 * instead of running a script in everyone's browser. (The original built its
 * HTML from strings, nicknames included.)
 *
 * @param myId your own `User.id`, to mark your messages.
 */
export function renderMessage(message: Message, myId?: string): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'message';
  // `data-id` lets later demos find a message again (for reactions, in demo 7).
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
  item.append(author, text, timeElement(message.timestamp));
  return item;
}

/** Builds the list item for a line from the server: someone came into the room or left it. */
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

/**
 * Builds the list item for a whisper, sent or received. It goes into the same
 * list as the room's messages, marked so it stands out, and like everything
 * else its nicknames and text go in as plain text.
 *
 * @param myNickname your own nickname, to say "you" instead of your name.
 */
export function renderWhisper(whisper: PrivateMessage, myNickname?: string): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'message whisper';
  const label = document.createElement('span');
  label.className = 'whisper-label';
  label.textContent = 'Whisper';
  const author = document.createElement('strong');
  author.className = 'author';
  const from = whisper.from === myNickname ? 'you' : whisper.from;
  const to = whisper.to === myNickname ? 'you' : whisper.to;
  // Each nickname in its own <bdi>, so the arrow stays between them whatever their direction.
  const fromName = document.createElement('bdi');
  fromName.textContent = from;
  const toName = document.createElement('bdi');
  toName.textContent = to;
  author.append(fromName, ' → ', toName);
  const text = document.createElement('span');
  text.className = 'text';
  text.textContent = whisper.text;
  text.dir = 'auto';
  item.append(label, author, text, timeElement(whisper.timestamp));
  return item;
}

/**
 * Builds the button for one room in the room list: its name and head count.
 * The room you are in is marked with `aria-current`, which screen readers
 * announce and the CSS highlights.
 */
export function renderRoom(room: RoomInfo, current?: RoomName): HTMLLIElement {
  const item = document.createElement('li');
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'room';
  button.dataset.room = room.name;
  button.textContent = `#${room.name} `;
  const count = document.createElement('span');
  count.className = 'count';
  count.textContent = `(${room.userCount})`;
  button.append(count);
  if (room.name === current) button.setAttribute('aria-current', 'true');
  item.append(button);
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
