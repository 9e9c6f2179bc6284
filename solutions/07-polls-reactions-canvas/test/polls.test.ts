// create_poll, new_poll, vote_poll, poll_updated: the rules and the fixed flaws
// (polls keyed by option text; a vote for an unknown option erasing your old vote).
import { expectNoEvent, nextEvent } from '@funws/testkit';
import { describe, expect, it } from 'vitest';
import { MAX_OPTION_LENGTH, MAX_QUESTION_LENGTH, POLL_LIMIT, type Poll } from '../src/protocol.ts';
import { connectClient, createPoll, joinAs, optionId, tally, useApp } from './helpers.ts';

describe('create_poll', () => {
  const running = useApp();

  it('sends the new poll to everyone, with server-made ids and zero votes', async () => {
    const alice = await joinAs(running().url, 'alice');
    const bob = await joinAs(running().url, 'bob');
    const bobSees = nextEvent<Poll>(bob, 'new_poll');
    const ack = await alice.emitWithAck('create_poll', {
      question: ' Best editor? ',
      options: [' vim ', 'emacs', 'VS Code'],
    });
    const poll = await bobSees;
    expect(ack).toEqual({ ok: true, poll });
    expect(poll).toMatchObject({ question: 'Best editor?', creator: 'alice' });
    expect(tally(poll)).toEqual({ vim: 0, emacs: 0, 'VS Code': 0 });
    const ids = poll.options.map((option) => option.id);
    expect(new Set(ids).size, 'every option has its own id').toBe(3);
    expect(ids).not.toContain('vim');
  });

  it('refuses polls that break the rules, and tells nobody', async () => {
    const alice = await joinAs(running().url, 'alice');
    const bob = await joinAs(running().url, 'bob');
    const bobSeesNothing = expectNoEvent(bob, 'new_poll');
    const bad: { question: string; options: string[] }[] = [
      { question: '', options: ['a', 'b'] },
      { question: 'x'.repeat(MAX_QUESTION_LENGTH + 1), options: ['a', 'b'] },
      { question: 'One option?', options: ['only'] },
      { question: 'Seven?', options: ['1', '2', '3', '4', '5', '6', '7'] },
      { question: 'Empty option?', options: ['a', '   '] },
      { question: 'Long option?', options: ['a', 'x'.repeat(MAX_OPTION_LENGTH + 1)] },
      { question: 'Same twice?', options: ['Yes', ' yes '] },
    ];
    for (const payload of bad) {
      const ack = await alice.emitWithAck('create_poll', payload);
      expect(ack, JSON.stringify(payload).slice(0, 80)).toMatchObject({
        ok: false,
        error: { code: 'poll_invalid' },
      });
    }
    await bobSeesNothing;
    const six = await alice.emitWithAck('create_poll', {
      question: 'x'.repeat(MAX_QUESTION_LENGTH),
      options: ['1', '2', '3', '4', '5', 'y'.repeat(MAX_OPTION_LENGTH)],
    });
    expect(six.ok, 'exactly at the limits is allowed').toBe(true);
  });

  it('refuses a poll from someone who has not joined', async () => {
    const stranger = await connectClient(running().url);
    const ack = await stranger.emitWithAck('create_poll', { question: 'q', options: ['a', 'b'] });
    expect(ack).toMatchObject({ ok: false, error: { code: 'not_joined' } });
  });

  it('keeps the last 20 polls for late joiners', async () => {
    const alice = await joinAs(running().url, 'alice');
    for (let index = 1; index <= POLL_LIMIT + 2; index += 1) {
      await createPoll(alice, `Question ${index}`, ['a', 'b']);
    }
    const bob = await connectClient(running().url);
    const history = nextEvent<{ polls: Poll[] }>(bob, 'poll_history');
    await bob.emitWithAck('join_chat', { nickname: 'bob' });
    const { polls } = await history;
    expect(polls).toHaveLength(POLL_LIMIT);
    expect(polls[0]?.question).toBe('Question 3');
  });
});

describe('vote_poll', () => {
  const running = useApp();

  it('keeps the old vote when the option is unknown, and answers unknown_option', async () => {
    const alice = await joinAs(running().url, 'alice');
    const bob = await joinAs(running().url, 'bob');
    const poll = await createPoll(alice, 'Tea or coffee?', ['Tea', 'Coffee']);
    const firstVote = nextEvent<Poll>(bob, 'poll_updated');
    await alice.emitWithAck('vote_poll', { poll_id: poll.id, option_id: optionId(poll, 'Tea') });
    await firstVote;

    const bobSeesNothing = expectNoEvent(bob, 'poll_updated');
    const ack = await alice.emitWithAck('vote_poll', { poll_id: poll.id, option_id: 'Tea' });
    expect(ack, 'an option TEXT is not an option id').toMatchObject({
      ok: false,
      error: { code: 'unknown_option' },
    });
    await bobSeesNothing;

    // Late joiner check: the vote for Tea is still there.
    const carol = await connectClient(running().url);
    const history = nextEvent<{ polls: Poll[] }>(carol, 'poll_history');
    await carol.emitWithAck('join_chat', { nickname: 'carol' });
    const [stored] = (await history).polls;
    expect(stored && tally(stored)).toEqual({ Tea: 1, Coffee: 0 });
  });

  it('answers unknown_poll for a poll that does not exist', async () => {
    const alice = await joinAs(running().url, 'alice');
    const ack = await alice.emitWithAck('vote_poll', { poll_id: 'nope', option_id: 'nope' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'unknown_poll' } });
  });

  it('keeps two polls with the same option texts apart', async () => {
    const alice = await joinAs(running().url, 'alice');
    const first = await createPoll(alice, 'Coffee today?', ['Yes', 'No']);
    const second = await createPoll(alice, 'Tea today?', ['Yes', 'No']);
    const updated = nextEvent<Poll>(alice, 'poll_updated');
    await alice.emitWithAck('vote_poll', {
      poll_id: second.id,
      option_id: optionId(second, 'Yes'),
    });
    const poll = await updated;
    expect(poll.id).toBe(second.id);
    expect(tally(poll)).toEqual({ Yes: 1, No: 0 });
    expect(optionId(first, 'Yes')).not.toBe(optionId(second, 'Yes'));
  });

  it('acknowledges the vote with the poll and option ids', async () => {
    const alice = await joinAs(running().url, 'alice');
    const poll = await createPoll(alice, 'Q?', ['A', 'B']);
    const ack = await alice.emitWithAck('vote_poll', {
      poll_id: poll.id,
      option_id: optionId(poll, 'B'),
    });
    expect(ack).toEqual({ ok: true, poll_id: poll.id, option_id: optionId(poll, 'B') });
  });
});
