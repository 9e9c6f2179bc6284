import { expectNoEvent, nextEvent } from '@funws/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import type { Poll } from '../../src/protocol/index.ts';
import {
  cleanUp,
  connectUser,
  expectOk,
  expectRefused,
  joinRoom,
  member,
  request,
  startChat,
  type TestUser,
} from './helpers.ts';

afterEach(cleanUp);

const votesOf = (poll: Poll) => poll.options.map((option) => option.votes);

async function createPoll(user: TestUser, options = ['tea', 'coffee', 'water']): Promise<Poll> {
  return expectOk(
    await request(user.socket, 'poll:create', { room: 'general', question: 'Drink?', options }),
  ).poll;
}

describe('polls', () => {
  it('announces a new poll to the room with server ids and the creator', async () => {
    const { url } = await startChat();
    const ada = await member(url, 'ada');
    const grace = await member(url, 'grace');
    const announced = nextEvent<Poll>(grace.socket, 'poll:new');
    const poll = await createPoll(ada);
    expect(poll).toEqual({
      id: expect.any(String),
      room: 'general',
      question: 'Drink?',
      options: [
        { id: expect.any(String), text: 'tea', votes: 0 },
        { id: expect.any(String), text: 'coffee', votes: 0 },
        { id: expect.any(String), text: 'water', votes: 0 },
      ],
      creator: { userId: ada.session.userId, nickname: 'ada' },
      createdAt: expect.any(String),
      closed: false,
    });
    expect(new Set(poll.options.map((o) => o.id)).size).toBe(3);
    expect(await announced).toEqual(poll);
  });

  it('refuses polls with too few, too many or repeated options', async () => {
    const { url } = await startChat();
    const ada = await member(url, 'ada');
    for (const options of [
      ['one'],
      ['1', '2', '3', '4', '5', '6', '7'],
      ['Tea', 'tea'],
      ['a', ' '],
    ]) {
      const result = await request(ada.socket, 'poll:create', {
        room: 'general',
        question: 'Q?',
        options,
      });
      expectRefused(result, 'invalid_payload');
    }
  });

  it('counts a vote, tells the room the counts and the voter their own vote', async () => {
    const { url } = await startChat();
    const ada = await member(url, 'ada');
    const grace = await member(url, 'grace');
    const poll = await createPoll(ada);
    const tea = poll.options[0]!.id;

    const update = nextEvent<Poll>(ada.socket, 'poll:update');
    const myVote = nextEvent(grace.socket, 'poll:my-vote');
    const notAdasVote = expectNoEvent(ada.socket, 'poll:my-vote');
    const result = expectOk(
      await request(grace.socket, 'poll:vote', { pollId: poll.id, optionId: tea }),
    );
    expect(votesOf(result.poll)).toEqual([1, 0, 0]);
    expect(votesOf(await update)).toEqual([1, 0, 0]);
    expect(JSON.stringify(await update)).not.toContain(grace.session.userId);
    expect(await myVote).toEqual({ pollId: poll.id, optionId: tea });
    await notAdasVote;
  });

  it('moves a second vote instead of adding one, across the user’s tabs', async () => {
    const { url } = await startChat();
    const ada = await member(url, 'ada');
    const adaTab2 = await connectUser(url, 'ada', { token: ada.session.token });
    await joinRoom(adaTab2);
    const poll = await createPoll(ada);
    const [tea, coffee] = poll.options.map((o) => o.id) as [string, string];
    await request(ada.socket, 'poll:vote', { pollId: poll.id, optionId: tea });
    const tab1Learns = nextEvent(ada.socket, 'poll:my-vote');
    const result = expectOk(
      await request(adaTab2.socket, 'poll:vote', { pollId: poll.id, optionId: coffee }),
    );
    expect(votesOf(result.poll)).toEqual([0, 1, 0]);
    expect(await tab1Learns).toEqual({ pollId: poll.id, optionId: coffee });
  });

  it('changes nothing when voting for the same option again', async () => {
    const { url } = await startChat();
    const ada = await member(url, 'ada');
    const grace = await member(url, 'grace');
    const poll = await createPoll(ada);
    const tea = poll.options[0]!.id;
    await request(grace.socket, 'poll:vote', { pollId: poll.id, optionId: tea });
    const quiet = expectNoEvent(ada.socket, 'poll:update');
    const again = expectOk(
      await request(grace.socket, 'poll:vote', { pollId: poll.id, optionId: tea }),
    );
    expect(votesOf(again.poll)).toEqual([1, 0, 0]);
    await quiet;
  });

  it('keeps the previous vote when voting for an unknown option', async () => {
    const { url } = await startChat();
    const ada = await member(url, 'ada');
    const poll = await createPoll(ada);
    const tea = poll.options[0]!.id;
    await request(ada.socket, 'poll:vote', { pollId: poll.id, optionId: tea });
    expectRefused(
      await request(ada.socket, 'poll:vote', { pollId: poll.id, optionId: 'nope' }),
      'unknown_option',
    );
    const late = await connectUser(url, 'late');
    expect(votesOf((await joinRoom(late)).polls[0]!)).toEqual([1, 0, 0]);
    expect((await joinRoom(ada)).myVotes).toEqual({ [poll.id]: tea });
  });

  it('refuses votes on unknown polls, closed polls and polls of rooms the socket is not in', async () => {
    const { url } = await startChat({ rooms: ['general', 'random'] });
    const ada = await member(url, 'ada');
    const outsider = await member(url, 'outsider', 'random');
    const poll = await createPoll(ada);
    const tea = poll.options[0]!.id;
    expectRefused(
      await request(ada.socket, 'poll:vote', { pollId: 'nope', optionId: tea }),
      'unknown_poll',
    );
    expectRefused(
      await request(outsider.socket, 'poll:vote', { pollId: poll.id, optionId: tea }),
      'not_in_room',
    );
    expectOk(await request(ada.socket, 'poll:close', { pollId: poll.id }));
    expectRefused(
      await request(ada.socket, 'poll:vote', { pollId: poll.id, optionId: tea }),
      'poll_closed',
    );
  });

  it('lets only the creator close a poll, and tells the room', async () => {
    const { url } = await startChat();
    const ada = await member(url, 'ada');
    const grace = await member(url, 'grace');
    const poll = await createPoll(ada);
    expectRefused(
      await request(grace.socket, 'poll:close', { pollId: poll.id }),
      'not_poll_creator',
    );
    const closed = nextEvent<Poll>(grace.socket, 'poll:update');
    expect(expectOk(await request(ada.socket, 'poll:close', { pollId: poll.id })).poll.closed).toBe(
      true,
    );
    expect((await closed).closed).toBe(true);
    // Closing again is harmless.
    expect(expectOk(await request(ada.socket, 'poll:close', { pollId: poll.id })).poll.closed).toBe(
      true,
    );
  });

  it('shows a late joiner the polls with counts and their own votes', async () => {
    const { url } = await startChat();
    const ada = await member(url, 'ada');
    const grace = await member(url, 'grace');
    const poll = await createPoll(ada);
    const [tea, coffee] = poll.options.map((o) => o.id) as [string, string];
    await request(ada.socket, 'poll:vote', { pollId: poll.id, optionId: tea });
    await request(grace.socket, 'poll:vote', { pollId: poll.id, optionId: coffee });
    // Grace opens another tab later: it shows her own vote, as well as everybody's counts.
    const back = await connectUser(url, 'grace', { token: grace.session.token });
    const snapshot = await joinRoom(back);
    expect(votesOf(snapshot.polls[0]!)).toEqual([1, 1, 0]);
    expect(snapshot.myVotes).toEqual({ [poll.id]: coffee });
  });

  it('refuses to create a poll in a room the socket is not in', async () => {
    const { url } = await startChat({ rooms: ['general', 'random'] });
    const ada = await member(url, 'ada');
    const result = await request(ada.socket, 'poll:create', {
      room: 'random',
      question: 'Q?',
      options: ['a', 'b'],
    });
    expectRefused(result, 'not_in_room');
  });

  it('keeps only the most recent polls of a room', async () => {
    const { url } = await startChat({ limits: { pollsPerRoom: 2 } });
    const ada = await member(url, 'ada');
    const first = await createPoll(ada, ['a', 'b']);
    await createPoll(ada, ['c', 'd']);
    await createPoll(ada, ['e', 'f']);
    const snapshot = await joinRoom(ada);
    expect(snapshot.polls.map((p) => p.options[0]!.text)).toEqual(['c', 'e']);
    expectRefused(
      await request(ada.socket, 'poll:vote', { pollId: first.id, optionId: first.options[0]!.id }),
      'unknown_poll',
    );
  });
});
