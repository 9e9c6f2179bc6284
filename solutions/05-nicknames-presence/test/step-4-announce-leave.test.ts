// Goal: when a member disconnects, the server forgets them (their nickname is
// free again) and tells everyone still there: `user_left` (a system line with
// the new user count) and `user_list_update` without them.
import {
  disconnectAll,
  disconnectAndWait,
  nextEvent,
  type RunningApp,
  startApp,
} from '@funws/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import type { SystemMessage, UserListPayload } from '../src/protocol.ts';
import { joinAs, withHint } from './helpers.ts';

const where = "in src/app.ts, in the 'disconnect' handler (step 4)";

describe('step 4: announce leaves on disconnect', () => {
  let running: RunningApp<ReturnType<typeof createApp>>;
  beforeEach(async () => {
    running = await startApp(createApp);
  });
  afterEach(async () => {
    disconnectAll();
    await running.close();
  });

  it('tells everyone who left, with the new user count and user list', async () => {
    const alice = await joinAs(running.url, 'Alice');
    const aliceSeesBob = nextEvent<UserListPayload>(alice.socket, 'user_list_update', {
      where: (payload: UserListPayload) => payload.users.length === 2,
    });
    const bob = await joinAs(running.url, 'Bob');
    await aliceSeesBob;
    const gone = disconnectAndWait(bob.socket, running.app.io);
    const [event, online] = await Promise.all([
      withHint(
        nextEvent<SystemMessage>(alice.socket, 'user_left', { after: gone }),
        `${where}: emit 'user_left' to everyone.`,
      ),
      withHint(
        nextEvent<UserListPayload>(alice.socket, 'user_list_update', { after: gone }),
        `${where}: emit 'user_list_update' to everyone.`,
      ),
    ]);
    expect(event).toMatchObject({ type: 'system', userCount: 1 });
    expect(event.text, 'the system line names who left').toContain('Bob');
    expect(online.users.map((u) => u.nickname)).toEqual(['Alice']);
  });

  it('frees the nickname of someone who left', async () => {
    const bob = await joinAs(running.url, 'Bob');
    await disconnectAndWait(bob.socket, running.app.io);
    await withHint(joinAs(running.url, 'bob'), `${where}: delete the user from \`users\`.`);
  });
});
