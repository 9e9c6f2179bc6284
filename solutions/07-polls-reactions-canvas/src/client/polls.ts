import type { Poll } from '../protocol.ts';
import { timeElement } from './time.ts';

/**
 * Builds the list item for one poll: the question, who asked, and a button per
 * option with its votes and a bar (`<meter>`) for its share. The option you
 * voted for is pressed. Question and options are user text: `textContent` only.
 *
 * Each button carries the poll's and the option's *ids* (`data-poll-id`,
 * `data-option-id`); main.ts sends those in `vote_poll`, never the option text.
 *
 * @param myVote the id of the option you voted for in this poll, if any.
 */
export function renderPoll(poll: Poll, myVote?: string): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'poll';
  item.dataset.id = poll.id;

  const question = document.createElement('p');
  question.className = 'question';
  question.textContent = poll.question;
  // User text in its own direction, isolated: an override in it cannot turn the line.
  question.dir = 'auto';

  const total = poll.options.reduce((sum, option) => sum + option.votes, 0);
  const meta = document.createElement('p');
  meta.className = 'meta';
  const creator = document.createElement('bdi');
  creator.textContent = poll.creator;
  meta.append(
    'asked by ',
    creator,
    ` · ${total} ${total === 1 ? 'vote' : 'votes'} · `,
    timeElement(poll.timestamp),
  );

  const options = document.createElement('ul');
  options.className = 'options';
  for (const option of poll.options) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'option';
    button.dataset.pollId = poll.id;
    button.dataset.optionId = option.id;
    button.setAttribute('aria-pressed', String(option.id === myVote));
    const text = document.createElement('span');
    text.className = 'option-text';
    text.textContent = option.text;
    text.dir = 'auto';
    const votes = document.createElement('span');
    votes.className = 'votes';
    votes.textContent = String(option.votes);
    // A <meter> shows the share as a bar, no inline style needed (the CSP forbids those).
    const bar = document.createElement('meter');
    bar.setAttribute('min', '0');
    bar.setAttribute('max', String(Math.max(total, 1)));
    bar.setAttribute('value', String(option.votes));
    bar.setAttribute('aria-hidden', 'true'); // the number says it already
    button.append(text, votes, bar);
    const entry = document.createElement('li');
    entry.append(button);
    options.append(entry);
  }

  item.append(question, meta, options);
  return item;
}

/** Puts `poll` in the list: replaces the item with the same id, or adds it at the end. */
export function showPoll(list: HTMLElement, poll: Poll, myVote?: string): void {
  const fresh = renderPoll(poll, myVote);
  const old = [...list.children].find(
    (child) => child instanceof HTMLElement && child.dataset.id === poll.id,
  );
  if (old) old.replaceWith(fresh);
  else list.append(fresh);
}

/**
 * Reads the poll form: the question, and one option per non-empty line.
 * The server checks the rules (2–6 options, lengths, no duplicates) and says
 * what is wrong; the page just sends what you wrote.
 */
export function readPollForm(
  question: string,
  optionLines: string,
): {
  question: string;
  options: string[];
} {
  return {
    question: question.trim(),
    options: optionLines
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== ''),
  };
}
