import { ChatClient } from '@funws/chat/client';
import { playgroundPath } from '../../server/mount-all.ts';

/**
 * A library client of the playground of the course at `url` that has
 * connected as `nickname` and joined #general. It is added to `clients`
 * before it connects, so that the test file's clean-up closes it even when
 * connecting fails.
 *
 * @example
 * const ada = await playgroundMember(course.url, 'ada', clients);
 * await ada.send('general', 'hello');
 */
export async function playgroundMember(
  url: string,
  nickname: string,
  clients: ChatClient[],
): Promise<ChatClient> {
  const client = new ChatClient({ url, path: playgroundPath, nickname, storage: null });
  clients.push(client);
  await client.connect();
  await client.join('general');
  return client;
}
