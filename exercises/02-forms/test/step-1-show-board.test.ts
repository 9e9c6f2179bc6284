// Goal: GET / shows the board: every message, newest first, each with its
// server-set time in a <time datetime="…"> element, and the form to post one.
// Look at step 1 in `src/app.ts` (the `app.get('/', …)` route).
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

describe('step 1: the board page', () => {
  it('shows every message, newest first, with its time and the form', async () => {
    const first = board.add('first message');
    board.add('second message');
    const response = await fetch(`${running.url}/`, { signal: AbortSignal.timeout(1000) });
    expect(response.status, 'GET / should answer 200: is there an app.get("/") route?').toBe(200);
    const html = await response.text();
    expect(html, 'the page should list the messages in the board').toContain('first message');
    expect(html.indexOf('second message'), 'the newest message comes first').toBeLessThan(
      html.indexOf('first message'),
    );
    expect(html, 'each message shows its time in <time datetime="…ISO…">').toContain(
      `<time datetime="${first.timestamp}">`,
    );
    expect(html, 'the page has the form that posts to "messages"').toContain('action="messages"');
  });
});
