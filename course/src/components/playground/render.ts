/**
 * The playground's DOM builders: data in, elements out, text through
 * textContent only (every string here was typed by someone). User text sits in
 * its own bidi-isolated element (`dir="auto"`, or a `<bdi>` inside a sentence),
 * so a right-to-left override (U+202E) in it cannot turn the rest of the line.
 */
import type { ChatMessage, Member, Poll, ReactionEmoji, Whisper } from '@funws/chat/protocol';

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}

/** An element holding one piece of user text, in its own direction and isolated. */
function userText<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string | undefined,
  text: string,
): HTMLElementTagNameMap[K] {
  const element = el(tag, className, text);
  element.dir = 'auto';
  return element;
}

/** A nickname or other user text inside a sentence of ours. */
function bdi(text: string): HTMLElement {
  return el('bdi', undefined, text);
}

function timeElement(iso: string): HTMLTimeElement {
  const time = el(
    'time',
    'pg__time',
    new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }),
  );
  time.dateTime = iso;
  return time;
}

export type Line =
  | { kind: 'message'; message: ChatMessage }
  | { kind: 'whisper'; whisper: Whisper };

/** A room's messages and the whispers of the same period, oldest first. */
export function timeline(messages: readonly ChatMessage[], whispers: readonly Whisper[]): Line[] {
  const lines: Line[] = [
    ...messages.map((message): Line => ({ kind: 'message', message })),
    ...whispers.map((whisper): Line => ({ kind: 'whisper', whisper })),
  ];
  const at = (line: Line) =>
    line.kind === 'message' ? line.message.timestamp : line.whisper.timestamp;
  return lines.sort((a, b) => at(a).localeCompare(at(b)));
}

export interface MessageActions {
  myId: string;
  emoji: readonly ReactionEmoji[];
  react(message: ChatMessage, emoji: ReactionEmoji): void;
}

export function renderMessage(message: ChatMessage, actions: MessageActions): HTMLLIElement {
  const item = el('li', 'pg__message');
  item.dataset.id = message.id;
  const head = el('p', 'pg__message-head');
  head.append(
    userText('strong', 'pg__nick', message.nickname),
    ' ',
    timeElement(message.timestamp),
  );
  const text = userText('p', 'pg__text', message.text);
  const reactions = el('div', 'pg__reactions');
  for (const emoji of actions.emoji) {
    const reaction = message.reactions.find((r) => r.emoji === emoji);
    const count = reaction?.userIds.length ?? 0;
    const mine = reaction?.userIds.includes(actions.myId) ?? false;
    const button = el('button', 'pg__reaction', count > 0 ? `${emoji} ${count}` : emoji);
    button.type = 'button';
    button.setAttribute('aria-pressed', String(mine));
    button.setAttribute('aria-label', `React with ${emoji}${count ? ` (${count})` : ''}`);
    if (count === 0) button.classList.add('pg__reaction--none');
    button.addEventListener('click', () => actions.react(message, emoji));
    reactions.append(button);
  }
  item.append(head, text, reactions);
  return item;
}

export function renderWhisper(whisper: Whisper, myId: string): HTMLLIElement {
  const item = el('li', 'pg__message pg__message--whisper');
  const head = el('p', 'pg__message-head');
  const who = el('strong', 'pg__nick');
  if (whisper.from.userId === myId) who.append('You whispered to ', bdi(whisper.to.nickname));
  else who.append(bdi(whisper.from.nickname), ' whispered to you');
  head.append(who, ' ', timeElement(whisper.timestamp));
  item.append(head, userText('p', 'pg__text', whisper.text));
  return item;
}

export function renderMember(
  member: Member,
  myId: string,
  onPick: (member: Member) => void,
): HTMLLIElement {
  const item = el('li');
  const button = el('button', 'pg__member');
  button.append(bdi(member.nickname), member.userId === myId ? ' (you)' : '');
  button.type = 'button';
  button.disabled = member.userId === myId;
  button.setAttribute(
    'aria-label',
    member.userId === myId ? `${member.nickname} (you)` : `Whisper to ${member.nickname}`,
  );
  button.addEventListener('click', () => onPick(member));
  item.append(button);
  return item;
}

/** "Ada is typing…", "Ada and Grace are typing…", "3 people are typing…". */
export function typingText(nicknames: readonly string[]): string {
  if (nicknames.length === 0) return '';
  if (nicknames.length === 1) return `${nicknames[0]} is typing…`;
  if (nicknames.length === 2) return `${nicknames[0]} and ${nicknames[1]} are typing…`;
  return `${nicknames.length} people are typing…`;
}

export function renderPoll(
  poll: Poll,
  myVote: string | undefined,
  vote: (poll: Poll, optionId: string) => void,
): HTMLLIElement {
  const item = el('li', 'pg__poll');
  item.dataset.id = poll.id;
  const total = poll.options.reduce((sum, option) => sum + option.votes, 0);
  const meta = el('p', 'pg__poll-meta');
  meta.append(
    'by ',
    bdi(poll.creator.nickname),
    ` · ${total} vote${total === 1 ? '' : 's'}${poll.closed ? ' · closed' : ''}`,
  );
  item.append(userText('p', 'pg__poll-question', poll.question), meta);
  const options = el('div', 'pg__poll-options');
  for (const option of poll.options) {
    const share = total === 0 ? 0 : Math.round((option.votes / total) * 100);
    const button = el('button', 'pg__poll-option');
    button.append(bdi(option.text), `: ${option.votes} (${share}%)`);
    button.type = 'button';
    button.disabled = poll.closed;
    button.setAttribute('aria-pressed', String(myVote === option.id));
    button.style.setProperty('--share', `${share}%`);
    button.addEventListener('click', () => vote(poll, option.id));
    options.append(button);
  }
  item.append(options);
  return item;
}
