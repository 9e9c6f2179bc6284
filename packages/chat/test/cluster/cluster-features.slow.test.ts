import type { ChatClient } from '@funws/chat/client';
import { type RedisServer, startRedisServer } from '@funws/testkit/redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countIncoming, texts, waitForState } from '../client/harness.ts';
import { type ChatProcess, stopChatProcesses } from '../restart/chat-process-handle.ts';
import { clientOf, freshRoom, memberNames, memberOf, startCluster } from './cluster-harness.ts';

// Three real server processes, nodes of one cluster on a real redis-server,
// with clients spread over them: every feature behaves as on one server.
// Each test uses a room of its own (the nodes allow room creation), so the
// tests share the cluster without seeing each other.

let redis: RedisServer;
let a: ChatProcess;
let b: ChatProcess;
let c: ChatProcess;

beforeAll(async () => {
  redis = await startRedisServer();
  // Typists expire after 1 s here (5 s by default), so that the expiry test takes a second.
  [a, b, c] = (await startCluster(3, { redisUrl: redis.url, typingTimeoutMs: 1000 })).nodes as [
    ChatProcess,
    ChatProcess,
    ChatProcess,
  ];
}, 60_000);

afterAll(async () => {
  await stopChatProcesses();
  await redis?.stop();
});

/** Proves "nothing else arrived" at `observer`: a later message through `via`'s node reaches it first. */
async function roundTrip(via: ChatClient, observer: ChatClient, room: string): Promise<void> {
  const marker = `marker ${Math.random()}`;
  await via.send(room, marker);
  await waitForState(observer, `the marker in ${room}`, () =>
    texts(observer, room).includes(marker),
  );
}

describe('a cluster of three nodes on Redis', () => {
  it('delivers a message sent on one node to members on every node, once each', async () => {
    const room = freshRoom();
    const ada = await memberOf(a, 'ada', [room]);
    const bob = await memberOf(b, 'bob', [room]);
    const cy = await memberOf(c, 'cy', [room]);
    const bobIncoming = countIncoming(bob);
    const cyIncoming = countIncoming(cy);
    await ada.send(room, 'hello from node A');
    await bob.send(room, 'hello from node B');
    for (const each of [ada, bob, cy]) {
      await waitForState(each, 'both messages', () => texts(each, room).length === 2);
    }
    expect(texts(cy, room)).toEqual(['hello from node A', 'hello from node B']);
    // A third message through A, once it has arrived, proves no duplicate of the first two is on its way.
    await ada.send(room, 'third');
    await waitForState(bob, 'the third', () => texts(bob, room).length === 3);
    await waitForState(cy, 'the third', () => texts(cy, room).length === 3);
    expect(bobIncoming.get('message:new')).toBe(3);
    expect(cyIncoming.get('message:new')).toBe(3);
  });

  it('gives a late joiner on another node the same history', async () => {
    const room = freshRoom();
    const ada = await memberOf(a, 'ada2', [room]);
    const bob = await memberOf(b, 'bob2', [room]);
    await ada.send(room, 'one');
    await bob.send(room, 'two');
    const late = await memberOf(c, 'late', [room]);
    expect(texts(late, room)).toEqual(['one', 'two']);
  });

  it('answers the same member list on every node, and tells joins and leaves to all', async () => {
    const room = freshRoom();
    const ada = await memberOf(a, 'ada3', [room]);
    const bob = await memberOf(b, 'bob3', [room]);
    const cy = await memberOf(c, 'cy3', [room]);
    for (const each of [ada, bob, cy]) {
      await waitForState(each, 'three members', () => memberNames(each, room).length === 3);
      expect(memberNames(each, room)).toEqual(['ada3', 'bob3', 'cy3']);
    }
    await bob.leave(room);
    await waitForState(ada, 'bob gone on A', () => !memberNames(ada, room).includes('bob3'));
    await waitForState(cy, 'bob gone on C', () => !memberNames(cy, room).includes('bob3'));
    const listed = await clientOf(b, 'counter')
      .connect()
      .then(async () => {
        const counter = clientOf(b, 'counter2');
        await counter.connect();
        return counter.listRooms();
      });
    expect(listed.find((summary) => summary.name === room)?.members).toBe(2);
  });

  it('tells room-count watchers on every node about joins through any node', async () => {
    const room = freshRoom();
    const watcher = clientOf(c, 'counts-watcher');
    await watcher.connect();
    await watcher.watchRoomCounts();
    await memberOf(a, 'counted-a', [room]);
    await memberOf(b, 'counted-b', [room]);
    await waitForState(watcher, 'two members counted', (state) =>
      state.roomCounts.some((summary) => summary.name === room && summary.members === 2),
    );
  });

  it('counts a user with tabs on two nodes as one member, who leaves with the last tab', async () => {
    const room = freshRoom();
    const watcher = await memberOf(c, 'watcher', [room]);
    const first = await memberOf(a, 'tabby', [room]);
    const token = first.state.session?.token;
    const second = await memberOf(b, 'tabby', [room], token ? { token } : {});
    expect(second.state.session?.userId).toBe(first.state.session?.userId);
    await waitForState(watcher, 'tabby in', () => memberNames(watcher, room).includes('tabby'));
    expect(memberNames(watcher, room)).toEqual(['tabby', 'watcher']);
    const diffs = countIncoming(watcher);
    first.close();
    await roundTrip(second, watcher, room);
    expect(memberNames(watcher, room)).toEqual(['tabby', 'watcher']);
    expect(diffs.get('presence:diff') ?? 0).toBe(0);
    second.close();
    await waitForState(watcher, 'tabby gone', () => memberNames(watcher, room).length === 1);
  });

  it('lets exactly one of 50 clients racing through three nodes take a nickname', async () => {
    const nodes = [a, b, c];
    const racers = Array.from({ length: 50 }, (_, i) => clientOf(nodes[i % 3]!, 'highlander'));
    const results = await Promise.allSettled(racers.map((racer) => racer.connect()));
    const winners = results.filter((result) => result.status === 'fulfilled');
    expect(winners).toHaveLength(1);
    const codes = new Set(
      results.flatMap((result) =>
        result.status === 'rejected' ? [(result.reason as { code?: string }).code] : [],
      ),
    );
    expect([...codes]).toEqual(['nickname_taken']);
  });

  it('delivers a whisper to the sender’s and the recipient’s tabs only, wherever they are', async () => {
    const room = freshRoom();
    const ada = await memberOf(a, 'ada4', [room]);
    const adaToken = ada.state.session?.token;
    const adaOnC = await memberOf(c, 'ada4', [room], adaToken ? { token: adaToken } : {});
    const bob = await memberOf(b, 'bob4', [room]);
    const eve = await memberOf(c, 'eve4', [room]);
    const bobId = bob.state.session?.userId ?? '';
    await ada.whisper(bobId, 'psst');
    for (const each of [ada, adaOnC, bob]) {
      await waitForState(each, 'the whisper', (state) =>
        state.whispers.some((whisper) => whisper.text === 'psst'),
      );
    }
    await roundTrip(ada, eve, room);
    expect(eve.state.whispers).toEqual([]);
    await expect(ada.whisper('no-such-user', 'hello?')).rejects.toMatchObject({
      code: 'unknown_user',
    });
  });

  it('shows typing across nodes and ends it when the typist sends', async () => {
    const room = freshRoom();
    const ada = await memberOf(a, 'ada5', [room]);
    const bob = await memberOf(b, 'bob5', [room]);
    const adaId = ada.state.session?.userId ?? '';
    ada.typing(room);
    await waitForState(
      bob,
      'ada typing',
      (state) => state.rooms[room]?.typing.includes(adaId) ?? false,
    );
    const late = await memberOf(c, 'late5', [room]);
    expect(late.state.rooms[room]?.typing).toEqual([adaId]);
    await ada.send(room, 'done typing');
    await waitForState(bob, 'ada stopped', (state) => state.rooms[room]?.typing.length === 0);
    await waitForState(late, 'ada stopped', (state) => state.rooms[room]?.typing.length === 0);
  });

  it('ends typing on every node when it expires on the typist’s node', async () => {
    const room = freshRoom();
    const ada = await memberOf(a, 'ada7', [room]);
    const bob = await memberOf(b, 'bob7', [room]);
    const cy = await memberOf(c, 'cy7', [room]);
    const adaId = ada.state.session?.userId ?? '';
    ada.typing(room);
    for (const each of [bob, cy]) {
      await waitForState(
        each,
        'ada typing',
        (state) => state.rooms[room]?.typing.includes(adaId) ?? false,
      );
    }
    for (const each of [bob, cy]) {
      await waitForState(
        each,
        'ada’s typing expired',
        (state) => state.rooms[room]?.typing.length === 0,
        5000,
      );
    }
    const late = await memberOf(c, 'late7', [room]);
    expect(late.state.rooms[room]?.typing).toEqual([]);
  });

  it('recovers a dropped connection through the Redis streams adapter, messages and all', async () => {
    const room = freshRoom();
    const ada = await memberOf(a, 'ada8', [room]);
    const bob = await memberOf(b, 'bob8', [room]);
    await bob.send(room, 'before');
    await waitForState(ada, 'the first message', () => texts(ada, room).length === 1);
    // A network drop: no goodbye, so the server keeps the session (in Redis) for recovery.
    ada.socket.io.engine.close();
    await bob.send(room, 'while ada was away, maybe');
    await waitForState(ada, 'connected again', (state) => state.connection === 'connected');
    expect(ada.socket.recovered).toBe(true);
    await bob.send(room, 'after');
    await waitForState(ada, 'every message', () => texts(ada, room).length === 3);
    expect(texts(ada, room)).toEqual(['before', 'while ada was away, maybe', 'after']);
    expect(memberNames(bob, room)).toEqual(['ada8', 'bob8']);
  });

  it('keeps one vote per user in a poll, counted atomically across nodes', async () => {
    const room = freshRoom();
    const voters = await Promise.all(
      Array.from({ length: 9 }, (_, i) => memberOf([a, b, c][i % 3]!, `voter${i}`, [room])),
    );
    const creator = voters[0]!;
    const poll = await creator.createPoll(room, 'Tea or coffee?', ['tea', 'coffee']);
    const [tea, coffee] = poll.options.map((option) => option.id) as [string, string];
    const token = creator.state.session?.token;
    const creatorElsewhere = await memberOf(c, 'voter0', [room], token ? { token } : {});
    await Promise.all([
      ...voters.map((voter, i) => voter.vote(poll.id, i % 3 === 0 ? coffee : tea)),
      creatorElsewhere.vote(poll.id, tea),
    ]);
    const final = await voters[4]!.vote(poll.id, tea);
    const counts = final.options.map((option) => option.votes);
    expect(counts[0]! + counts[1]!).toBe(9);
    for (const each of voters) {
      await waitForState(
        each,
        'the final counts',
        (state) =>
          state.rooms[room]?.polls[0]?.options.every((option, i) => option.votes === counts[i]) ??
          false,
      );
    }
  });

  it('shares reactions, the canvas and its clearing across nodes', async () => {
    const room = freshRoom();
    const ada = await memberOf(a, 'ada6', [room]);
    const bob = await memberOf(b, 'bob6', [room]);
    const message = await ada.send(room, 'react to me');
    await Promise.all([ada.react(room, message.id, '👍'), bob.react(room, message.id, '👍')]);
    await waitForState(
      ada,
      'two thumbs',
      (state) => state.rooms[room]?.messages[0]?.reactions[0]?.userIds.length === 2,
    );
    await bob.draw(room, {
      from: { x: 0.1, y: 0.1 },
      to: { x: 0.5, y: 0.5 },
      color: '#ff0000',
      width: 3,
    });
    await waitForState(ada, 'the stroke', (state) => state.rooms[room]?.canvas.length === 1);
    const late = await memberOf(c, 'late6', [room]);
    expect(late.state.rooms[room]?.canvas).toHaveLength(1);
    expect(late.state.rooms[room]?.messages[0]?.reactions[0]?.userIds).toHaveLength(2);
    await ada.clearCanvas(room);
    await waitForState(late, 'a clear canvas', (state) => state.rooms[room]?.canvas.length === 0);
    await waitForState(bob, 'a clear canvas', (state) => state.rooms[room]?.canvas.length === 0);
  });
});
