import { type RedisServer, startRedisServer } from '@funws/testkit/redis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { statusesOf, texts, waitForState } from '../client/harness.ts';
import { stopChatProcesses } from '../restart/chat-process-handle.ts';
import { clientOf, memberNames, memberOf, startCluster } from './cluster-harness.ts';

// What happens to a cluster when a node or Redis dies: real processes,
// killed with SIGKILL. The heartbeat is short here (250 ms, a node dead after
// 2.5 s of silence) so that the tests take seconds; the defaults are 5 s and 10 s.

let redis: RedisServer;

beforeAll(async () => {
  redis = await startRedisServer();
});

afterEach(async () => {
  await stopChatProcesses();
});

afterAll(async () => {
  await redis?.stop();
});

describe('a node that dies', () => {
  it('loses its members: the other nodes announce them as left and free their nicknames', async () => {
    const { nodes } = await startCluster(3, { redisUrl: redis.url });
    const [a, b, c] = nodes as [(typeof nodes)[0], (typeof nodes)[0], (typeof nodes)[0]];
    const ada = await memberOf(a, 'ada', ['general']);
    const cy = await memberOf(c, 'cy', ['general']);
    const doomed = await memberOf(b, 'doomed', ['general']);
    doomed.typing('general');
    const doomedId = doomed.state.session?.userId ?? '';
    await waitForState(
      ada,
      'doomed typing',
      (state) => state.rooms.general?.typing.includes(doomedId) ?? false,
    );
    await waitForState(cy, 'three members', () => memberNames(cy, 'general').length === 3);

    await b.stop('SIGKILL');
    for (const each of [ada, cy]) {
      await waitForState(
        each,
        'doomed announced as left, typing no more',
        (state) =>
          !memberNames(each, 'general').includes('doomed') &&
          state.rooms.general?.typing.length === 0,
        10_000,
      );
    }
    const heir = await memberOf(c, 'doomed', ['general']);
    expect(memberNames(heir, 'general')).toEqual(['ada', 'cy', 'doomed']);
    expect(heir.state.session?.userId).not.toBe(doomedId);
  }, 30_000);

  it('does not bring back its ghosts when it restarts under the same node id', async () => {
    // A long timeout: only the restarted node's own clean-up can explain the leave.
    const { nodes, startNode } = await startCluster(2, {
      redisUrl: redis.url,
      nodeTimeoutMs: 60_000,
    });
    const [a, b] = nodes as [(typeof nodes)[0], (typeof nodes)[0]];
    const ada = await memberOf(a, 'ada', ['general']);
    const ghost = await memberOf(b, 'ghost', ['general']);
    await waitForState(ada, 'the ghost', () => memberNames(ada, 'general').includes('ghost'));

    await b.stop('SIGKILL');
    ghost.close();
    const restarted = await startNode(1);
    await waitForState(ada, 'the ghost gone', () => memberNames(ada, 'general').length === 1, 5000);
    for (const node of [a, restarted]) {
      const joiner = await memberOf(node, `joiner-${node.port}`, ['general']);
      expect(memberNames(joiner, 'general')).not.toContain('ghost');
    }
    // The ghost's nickname is free again.
    await expect(clientOf(a, 'ghost').connect()).resolves.toMatchObject({ nickname: 'ghost' });
  }, 30_000);
});

describe('a Redis restart', () => {
  it('ends with every client connected, in its rooms, and every node agreeing', async () => {
    const { nodes } = await startCluster(3, { redisUrl: redis.url });
    const names = ['ada', 'bob', 'cy'];
    const members = await Promise.all(
      nodes.map((node, i) => memberOf(node, names[i] as string, ['general'])),
    );
    for (const each of members) {
      await waitForState(each, 'three members', () => memberNames(each, 'general').length === 3);
    }

    const statuses = members.map((each) => statusesOf(each));
    await redis.stop('SIGKILL');
    await redis.start();

    // Redis forgot everything: each node notices at its next heartbeat and drops its
    // connections, and the clients come back, register and join again.
    for (const [i, each] of members.entries()) {
      await waitForState(
        each,
        'back after a reconnection, with the three members',
        (state) =>
          statuses[i]?.includes('reconnecting') === true &&
          state.connection === 'connected' &&
          memberNames(each, 'general').length === 3,
        15_000,
      );
    }
    const [ada, bob, cy] = members as [
      (typeof members)[0],
      (typeof members)[0],
      (typeof members)[0],
    ];
    await bob.send('general', 'after the restart');
    for (const each of [ada, bob, cy]) {
      await waitForState(
        each,
        'the message',
        () => texts(each).includes('after the restart'),
        5000,
      );
      expect(memberNames(each, 'general')).toEqual(names);
    }
    // Every node answers the same list to a newcomer.
    for (const node of nodes) {
      const joiner = await memberOf(node, `late-${node.port}`, ['general']);
      expect(memberNames(joiner, 'general')).toEqual([...names, `late-${node.port}`].sort());
      joiner.close();
      await waitForState(ada, 'the newcomer gone', () => memberNames(ada, 'general').length === 3);
    }
  }, 60_000);
});

describe('a node started while Redis is down', () => {
  it('holds a client that arrives during the outage, and lets it in once Redis is up', async () => {
    await redis.stop('SIGKILL');
    const { nodes } = await startCluster(1, { redisUrl: redis.url });
    const ada = clientOf(nodes[0] as (typeof nodes)[0], 'ada');
    const statuses = statusesOf(ada);
    // The transport opens at once (the node listens); the handshake then waits for Redis.
    const transportOpen = new Promise<void>((resolve) =>
      ada.socket.io.once('open', () => resolve()),
    );
    const connected = ada.connect();
    await transportOpen;
    expect(ada.state.connection).toBe('connecting');

    await redis.start();
    await expect(connected).resolves.toMatchObject({ nickname: 'ada' });
    await ada.join('general');
    expect(memberNames(ada, 'general')).toEqual(['ada']);
    expect(statuses).toEqual(['connecting', 'connected']);
  }, 30_000);

  it('starts by itself once Redis is up, after its first start failed for want of it', async () => {
    await redis.stop('SIGKILL');
    const { nodes } = await startCluster(1, { redisUrl: redis.url });
    const node = nodes[0] as (typeof nodes)[0];
    // The first start gives up when the node's Redis client stops retrying (about 10 s).
    expect(await node.nextLogged()).toMatch(/starting the chat failed; trying again in \d+ s/);

    await redis.start();
    const ada = await memberOf(node, 'ada', ['general']);
    expect(memberNames(ada, 'general')).toEqual(['ada']);
  }, 40_000);
});
