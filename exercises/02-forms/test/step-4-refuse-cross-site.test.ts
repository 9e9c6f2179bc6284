// Goal: a form post from another site is refused with 403 and a plain
// explanation (a CSRF defence without tokens): refuse `Sec-Fetch-Site: cross-site`,
// and when that header is missing, refuse an `Origin` that isn't this server.
// Look at step 4 in `src/app.ts` (refuseCrossSitePosts).
import { type RunningApp, startApp } from '@funws/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { createBoard } from '../src/board.ts';

const board = createBoard();
let running: RunningApp<ReturnType<typeof createApp>>;
beforeEach(async () => {
  board.clear();
  board.add('keep me');
  running = await startApp((options) => createApp({ ...options, board }));
});
afterEach(async () => {
  await running.close();
});

const post = (path: string, headers: Record<string, string>) =>
  fetch(`${running.url}${path}`, {
    method: 'POST',
    headers,
    body: new URLSearchParams({ text: 'forged' }),
    redirect: 'manual',
    signal: AbortSignal.timeout(1000),
  });

describe('step 4: refusing cross-site posts', () => {
  it('refuses a post marked Sec-Fetch-Site: cross-site with 403 and says why', async () => {
    const response = await post('/messages', { 'Sec-Fetch-Site': 'cross-site' });
    expect(response.status, 'a cross-site post should answer 403').toBe(403);
    expect(await response.text(), 'the answer should name CSRF').toContain('CSRF');
    expect(
      board.newestFirst().map((m) => m.text),
      'nothing may be stored',
    ).toEqual(['keep me']);
  });

  it('refuses a post marked Sec-Fetch-Site: same-site (another port of localhost) too', async () => {
    const response = await post('/messages', { 'Sec-Fetch-Site': 'same-site' });
    expect(
      response.status,
      'same-site is another port or subdomain, not this server: only same-origin and none may post',
    ).toBe(403);
    expect(
      board.newestFirst().map((m) => m.text),
      'nothing may be stored',
    ).toEqual(['keep me']);
  });

  it('refuses a post from Origin http://evil.example when Sec-Fetch-Site is missing', async () => {
    const response = await post('/messages', { Origin: 'http://evil.example' });
    expect(response.status, 'a post from another origin should answer 403').toBe(403);
    expect(
      board.newestFirst().map((m) => m.text),
      'nothing may be stored',
    ).toEqual(['keep me']);
  });

  it('refuses a cross-site post to /clear too', async () => {
    const response = await post('/clear', { Origin: 'http://evil.example' });
    expect(response.status, 'POST /clear from another origin should answer 403').toBe(403);
    expect(board.newestFirst(), 'the board must not be cleared').toHaveLength(1);
  });
});
