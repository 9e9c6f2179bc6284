// Goal: `join_chat { nickname }` checks the nickname (trimmed, 1 to 32
// characters), refuses one that someone online already uses or that looks the
// same on screen (any case, look-alike letters: compare their `nicknameKey`s),
// and records the user. The ack answers `{ ok: true, user: { id, nickname, joinedAt } }`
// or `{ ok: false, error: { code, message } }`, and a refused join records nobody.
import { connect, disconnectAll, startApp } from '@funws/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { ACK_TIMEOUT_MS, type Client, isIsoTimestamp } from './helpers.ts';

const where = "in src/app.ts, in the 'join_chat' handler (step 1)";

describe('step 1: check and reserve the nickname', () => {
  let running: Awaited<ReturnType<typeof startApp>>;
  beforeEach(async () => {
    running = await startApp(createApp);
  });
  afterEach(async () => {
    disconnectAll();
    await running.close();
  });

  async function join(nickname: string, socket?: Client) {
    const client = socket ?? (await connect<Client>(running.url));
    return client.timeout(ACK_TIMEOUT_MS).emitWithAck('join_chat', { nickname });
  }

  it('accepts a free nickname, trimmed, and answers with the recorded user', async () => {
    const result = await join('  Alice  ');
    expect(result, `${where}: record the user in \`users\` so the join is accepted`).toMatchObject({
      ok: true,
      user: { nickname: 'Alice' },
    });
    if (!result.ok) return;
    expect(result.user.id, `${where}: the id comes from randomUUID()`).toMatch(/^[0-9a-f-]{36}$/);
    expect(isIsoTimestamp(result.user.joinedAt), `${where}: joinedAt is an ISO time`).toBe(true);
  });

  it('refuses a nickname someone online already uses, whatever the case', async () => {
    expect((await join('Alice')).ok, `${where}: the first Alice may join`).toBe(true);
    for (const copy of ['Alice', 'alice', ' ALICE ']) {
      const result = await join(copy);
      expect(result, `${where}: "${copy}" is taken; compare nicknames in lower case`).toMatchObject(
        {
          ok: false,
          error: { code: 'nickname_taken' },
        },
      );
    }
  });

  it('refuses a look-alike of a nickname in use: a Cyrillic о, a zero for an o', async () => {
    expect((await join('bob')).ok, `${where}: the first bob may join`).toBe(true);
    for (const copy of ['b\u043eb', 'b0b', 'ＢＯＢ']) {
      const result = await join(copy);
      expect(
        result,
        `${where}: "${copy}" looks like "bob"; compare nicknameKey(…) of both names (from @funws/demo-kit)`,
      ).toMatchObject({ ok: false, error: { code: 'nickname_taken' } });
    }
  });

  it('refuses an empty nickname and one longer than 32 characters', async () => {
    for (const nickname of ['', '   ', 'n'.repeat(33)]) {
      expect(await join(nickname), `${where}: "${nickname}" is not a valid nickname`).toMatchObject(
        {
          ok: false,
          error: { code: 'nickname_invalid' },
        },
      );
    }
    expect((await join('n'.repeat(32))).ok, `${where}: 32 characters is allowed`).toBe(true);
  });

  it('records nobody when it refuses: the refused socket may not send messages', async () => {
    const alice = await connect<Client>(running.url);
    expect((await join('', alice)).ok, `${where}: "" is not a valid nickname`).toBe(false);
    const sent = await alice.timeout(ACK_TIMEOUT_MS).emitWithAck('send_message', { text: 'hi' });
    expect(
      sent,
      `${where}: after refusing, return; the code below would record the user anyway`,
    ).toMatchObject({ ok: false, error: { code: 'not_joined' } });
  });
});
