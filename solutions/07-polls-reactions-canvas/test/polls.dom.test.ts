// @vitest-environment happy-dom
// Rendering polls: question and options as text, votes and bars, your vote
// pressed, ids (never texts) on the buttons; and reading the poll form.
import { describe, expect, it } from 'vitest';
import { readPollForm, renderPoll, showPoll } from '../src/client/polls.ts';
import type { Poll } from '../src/protocol.ts';

const timestamp = '2025-01-31T09:15:00.000Z';
const payload = '<img src=x onerror=alert(1)>';
const poll = (over: Partial<Poll> = {}): Poll => ({
  id: 'p1',
  question: 'Tea or coffee?',
  options: [
    { id: 'o1', text: 'Tea', votes: 1 },
    { id: 'o2', text: 'Coffee', votes: 3 },
  ],
  creator: 'Alice',
  timestamp,
  ...over,
});

describe('renderPoll', () => {
  it('renders injection payloads in the question, the options and the creator as text', () => {
    const item = renderPoll(
      poll({
        question: payload,
        creator: payload,
        options: [
          { id: 'o1', text: payload, votes: 0 },
          { id: 'o2', text: '<script>alert(1)</script>', votes: 0 },
        ],
      }),
    );
    expect(item.querySelector('.question')?.textContent).toBe(payload);
    expect(item.querySelector('.meta')?.textContent).toContain(`asked by ${payload}`);
    expect([...item.querySelectorAll('.option-text')].map((text) => text.textContent)).toEqual([
      payload,
      '<script>alert(1)</script>',
    ]);
    expect(item.querySelector('img, script')).toBeNull();
  });

  it('shows votes, a bar for each share, the total, and local time', () => {
    const item = renderPoll(poll());
    expect([...item.querySelectorAll('.votes')].map((votes) => votes.textContent)).toEqual([
      '1',
      '3',
    ]);
    const bars = [...item.querySelectorAll('meter')];
    expect(bars.map((bar) => [bar.getAttribute('value'), bar.getAttribute('max')])).toEqual([
      ['1', '4'],
      ['3', '4'],
    ]);
    expect(item.querySelector('.meta')?.textContent).toContain('4 votes');
    expect(item.querySelector('time')?.textContent).toBe(new Date(timestamp).toLocaleTimeString());
  });

  it('puts the poll and option ids on each button, and presses your vote', () => {
    const buttons = [...renderPoll(poll(), 'o2').querySelectorAll<HTMLButtonElement>('.option')];
    expect(buttons.map((button) => [button.dataset.pollId, button.dataset.optionId])).toEqual([
      ['p1', 'o1'],
      ['p1', 'o2'],
    ]);
    expect(buttons.map((button) => button.getAttribute('aria-pressed'))).toEqual(['false', 'true']);
  });
});

describe('showPoll', () => {
  it('adds a new poll, and replaces an updated one in place', () => {
    const list = document.createElement('ol');
    showPoll(list, poll({ id: 'p1' }));
    showPoll(list, poll({ id: 'p2', question: 'Second?' }));
    showPoll(list, poll({ id: 'p1', options: [{ id: 'o1', text: 'Tea', votes: 9 }] }));
    expect(list.children).toHaveLength(2);
    expect(list.children[0]?.querySelector('.votes')?.textContent).toBe('9');
    expect(list.children[1]?.querySelector('.question')?.textContent).toBe('Second?');
  });
});

describe('readPollForm', () => {
  it('takes one option per non-empty line, trimmed', () => {
    expect(readPollForm('  Lunch? ', 'Pizza\n\n  Salad  \n')).toEqual({
      question: 'Lunch?',
      options: ['Pizza', 'Salad'],
    });
  });
});
