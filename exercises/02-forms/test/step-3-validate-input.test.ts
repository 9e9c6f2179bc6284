// Goal: the server checks every message itself: empty (after trimming) or longer
// than 500 characters is refused with status 400, the board re-rendered with a
// clear error, and the text the visitor typed kept in the form. Nothing is stored.
// Look at step 3 in `src/app.ts`.
import { type RunningApp, startApp } from '@funws/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { createBoard } from '../src/board.ts';

const board = createBoard();
let running: RunningApp<ReturnType<typeof createApp>>;
beforeEach(async () => {
  board.clear();
  running = await startApp((options) => createApp({ ...options, board }));
});
afterEach(async () => {
  await running.close();
});

const postMessage = (text: string) =>
  fetch(`${running.url}/messages`, {
    method: 'POST',
    body: new URLSearchParams({ text }),
    redirect: 'manual',
    signal: AbortSignal.timeout(1000),
  });

describe('step 3: validating a message', () => {
  it('refuses an empty or blank message with 400 and an error in the page', async () => {
    for (const text of ['', '   \n  ']) {
      const response = await postMessage(text);
      expect(response.status, `posting ${JSON.stringify(text)} should answer 400`).toBe(400);
      expect(await response.text(), 'the page should say what is wrong').toContain(
        'Please type a message first.',
      );
    }
    expect(board.newestFirst(), 'nothing may be stored').toEqual([]);
  });

  it('refuses a message over 500 characters with 400, keeping what was typed', async () => {
    const long = 'a'.repeat(501);
    const response = await postMessage(long);
    expect(response.status, 'a 501-character message should answer 400').toBe(400);
    const html = await response.text();
    expect(html, 'the error should mention the limit').toContain('at most 500 characters');
    expect(html, 'the textarea should still hold what the visitor typed').toContain(
      `>${long}</textarea>`,
    );
    expect(board.newestFirst(), 'nothing may be stored').toEqual([]);
  });
});
