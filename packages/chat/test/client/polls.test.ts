import { isChatError } from '@funws/chat/protocol';
import { describe, expect, it } from 'vitest';
import { startChat, waitForState } from './harness.ts';

const votes = (poll: { options: { votes: number }[] } | undefined) =>
  poll?.options.map((option) => option.votes);

describe('ChatClient polls', () => {
  it('creates a poll, moves a vote and keeps my vote apart from the counts', async () => {
    const chat = await startChat();
    const ada = await chat.member('ada');
    const bob = await chat.member('bob');

    const poll = await ada.createPoll('general', 'Lunch?', ['Pizza', 'Sushi']);
    await waitForState(bob, 'the poll', (state) => state.rooms.general?.polls.length === 1);
    const [pizza, sushi] = poll.options;

    await bob.vote(poll.id, pizza!.id);
    expect(bob.state.rooms.general?.myVotes).toEqual({ [poll.id]: pizza!.id });
    await waitForState(
      ada,
      'one vote for pizza',
      (state) => votes(state.rooms.general?.polls[0])?.join() === '1,0',
    );

    await bob.vote(poll.id, sushi!.id);
    expect(votes(bob.state.rooms.general?.polls[0])).toEqual([0, 1]);
    expect(bob.state.rooms.general?.myVotes).toEqual({ [poll.id]: sushi!.id });
    await waitForState(
      ada,
      'the vote moved to sushi',
      (state) => votes(state.rooms.general?.polls[0])?.join() === '0,1',
    );
    expect(ada.state.rooms.general?.myVotes).toEqual({});
  });

  it('lets the creator close a poll and refuses votes after', async () => {
    const chat = await startChat();
    const ada = await chat.member('ada');
    const bob = await chat.member('bob');
    const poll = await ada.createPoll('general', 'Tea?', ['Yes', 'No']);

    const notCreator = await bob.closePoll(poll.id).catch((caught: unknown) => caught);
    expect(isChatError(notCreator) && notCreator.code).toBe('not_poll_creator');

    await ada.closePoll(poll.id);
    await waitForState(
      bob,
      'the poll closed',
      (state) => state.rooms.general?.polls[0]?.closed === true,
    );
    const late = await bob.vote(poll.id, poll.options[0]!.id).catch((caught: unknown) => caught);
    expect(isChatError(late) && late.code).toBe('poll_closed');
  });

  it('refuses a poll with one option without a round trip', async () => {
    const chat = await startChat();
    const ada = await chat.member('ada');
    const error = await ada
      .createPoll('general', 'Only?', ['one'])
      .catch((caught: unknown) => caught);
    expect(isChatError(error) && error.code).toBe('invalid_payload');
  });
});
