import { ChatClient } from '@funws/chat/client';
import { type RedisServer, startRedisServer } from '@funws/testkit/redis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { playgroundPath } from '../server/mount-all.ts';
import { type RunningCourse, startCourse } from '../server/start.ts';
import { playgroundMember } from './helpers/playground-member.ts';

// `npm run demo cluster` starts course servers whose playgrounds are nodes of
// one Redis cluster. Here two courses (without building the site) share a
// redis-server of the test's own: their playgrounds are one chat.

let redis: RedisServer;
const running: RunningCourse[] = [];
const clients: ChatClient[] = [];

beforeAll(async () => {
  redis = await startRedisServer();
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await Promise.all(running.splice(0).map((course) => course.close()));
});

afterAll(async () => {
  await redis?.stop();
});

async function node(nodeId: string): Promise<RunningCourse> {
  const started = await startCourse({
    port: 0,
    build: false,
    playgroundCluster: { redisUrl: redis.url, nodeId },
  });
  running.push(started);
  return started;
}

describe('the playground on a cluster', () => {
  it('is one chat on two course servers: members, messages and nicknames', async () => {
    const [first, second] = [await node('node-1'), await node('node-2')];
    expect(first.mounted.playgroundStorage).toEqual({ file: undefined, problem: undefined });
    const ada = await playgroundMember(first.url, 'ada', clients);
    const bob = await playgroundMember(second.url, 'bob', clients);
    expect(bob.state.rooms.general?.members.map((each) => each.nickname)).toEqual(['ada', 'bob']);
    await ada.send('general', 'hello from node 1');
    await new Promise<void>((resolve) => {
      const off = bob.on('change', (state) => {
        if (state.rooms.general?.messages.some((message) => message.text === 'hello from node 1')) {
          off();
          resolve();
        }
      });
    });
    const impostor = new ChatClient({
      url: second.url,
      path: playgroundPath,
      nickname: 'ada',
      storage: null,
    });
    clients.push(impostor);
    await expect(impostor.connect()).rejects.toMatchObject({ code: 'nickname_taken' });
  }, 60_000);
});
