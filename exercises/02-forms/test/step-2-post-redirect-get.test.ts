// Goal: POST /messages stores the message and answers "303 See Other" with
// `Location: ./`, so the browser GETs the board next and a reload does not post
// twice (post/redirect/get). Look at step 2 in `src/app.ts`.
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

async function postMessage(text: string): Promise<Response> {
  try {
    return await fetch(`${running.url}/messages`, {
      method: 'POST',
      body: new URLSearchParams({ text }),
      redirect: 'manual', // we want to see the 303 itself, not follow it
      signal: AbortSignal.timeout(1000),
    });
  } catch {
    throw new Error(
      'POST /messages did not answer within 1 s. Step 2 should store the message and answer with a redirect.',
    );
  }
}

describe('step 2: posting a message', () => {
  it('stores the trimmed message with a server-set time and redirects with 303 to ./', async () => {
    const before = Date.now();
    const response = await postMessage('  Hello board  ');
    expect(response.status, 'answer with response.redirect(303, …)').toBe(303);
    expect(response.headers.get('location'), 'redirect to the board, relatively: "./"').toBe('./');
    const [message] = board.newestFirst();
    expect(message?.text, 'the board should hold the trimmed text').toBe('Hello board');
    expect(Date.parse(message?.timestamp ?? ''), 'the server sets the time').toBeGreaterThanOrEqual(
      before - 1000,
    );
  });
});
