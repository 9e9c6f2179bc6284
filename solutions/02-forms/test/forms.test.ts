// Demo 2's other promises: which posts are accepted, clearing, the bounded
// history, escaping, and relative URLs.
import { type RunningApp, startApp } from '@funws/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { createBoard, HISTORY_LIMIT } from '../src/board.ts';

const board = createBoard();
let running: RunningApp<ReturnType<typeof createApp>>;
beforeEach(async () => {
  board.clear();
  running = await startApp((options) => createApp({ ...options, board }));
});
afterEach(async () => {
  await running.close();
});

const post = (path: string, body: string | URLSearchParams, headers: Record<string, string> = {}) =>
  fetch(`${running.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: typeof body === 'string' ? body : body.toString(),
    redirect: 'manual',
    signal: AbortSignal.timeout(2000),
  });
const get = (path: string) => fetch(`${running.url}${path}`, { signal: AbortSignal.timeout(2000) });
const texts = () => board.newestFirst().map((message) => message.text);

describe('who may post', () => {
  it('accepts a post from a page of this server (Sec-Fetch-Site: same-origin)', async () => {
    const response = await post('/messages', 'text=hi', {
      'Sec-Fetch-Site': 'same-origin',
      Origin: running.url,
    });
    expect(response.status).toBe(303);
    expect(texts()).toEqual(['hi']);
  });

  it('accepts Sec-Fetch-Site: none (the user acted directly, no other page involved)', async () => {
    expect((await post('/messages', 'text=hi', { 'Sec-Fetch-Site': 'none' })).status).toBe(303);
  });

  it('accepts an Origin that matches the Host when Sec-Fetch-Site is missing', async () => {
    expect((await post('/messages', 'text=hi', { Origin: running.url })).status).toBe(303);
  });

  it('accepts a post without Origin or Sec-Fetch-Site, as curl sends it', async () => {
    expect((await post('/messages', 'text=hi')).status).toBe(303);
  });

  it('refuses Sec-Fetch-Site: same-site (another port on the same host)', async () => {
    expect((await post('/messages', 'text=hi', { 'Sec-Fetch-Site': 'same-site' })).status).toBe(
      403,
    );
  });

  it('refuses Origin: null and an origin on another port', async () => {
    expect((await post('/messages', 'text=hi', { Origin: 'null' })).status).toBe(403);
    expect((await post('/messages', 'text=hi', { Origin: 'http://127.0.0.1:1' })).status).toBe(403);
    expect(texts()).toEqual([]);
  });

  it('answers a refused post in plain text, so nothing in it is rendered as HTML', async () => {
    const response = await post('/messages', 'text=hi', { Origin: 'http://<b>evil</b>.example' });
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
  });
});

describe('posting and clearing', () => {
  it('accepts exactly 500 characters', async () => {
    expect((await post('/messages', `text=${'b'.repeat(500)}`)).status).toBe(303);
  });

  it('treats a missing or repeated text field as empty (400, no crash)', async () => {
    expect((await post('/messages', 'other=1')).status).toBe(400);
    expect((await post('/messages', 'text=a&text=b')).status).toBe(400);
    expect((await post('/messages', '')).status).toBe(400);
    expect(texts()).toEqual([]);
  });

  it('clears every message with POST /clear and redirects with 303 to ./', async () => {
    board.add('one');
    board.add('two');
    const response = await post('/clear', '');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('./');
    expect(texts()).toEqual([]);
    expect(await (await get('/')).text()).toContain('No messages yet');
  });

  it(`keeps only the last ${HISTORY_LIMIT} messages`, async () => {
    for (let i = 1; i <= HISTORY_LIMIT + 5; i += 1) board.add(`message ${i}`);
    expect(texts()).toHaveLength(HISTORY_LIMIT);
    expect(texts()[0]).toBe(`message ${HISTORY_LIMIT + 5}`);
    expect(texts().at(-1)).toBe('message 6');
  });

  it('sets an ISO timestamp and an id on the server, ignoring any sent with the form', async () => {
    await post('/messages', 'text=hi&timestamp=1999-01-01T00:00:00Z&id=mine');
    const [message] = board.newestFirst();
    expect(message?.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(message?.timestamp.startsWith('1999')).toBe(false);
    expect(message?.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a giant body with 413 and says why on the board, without a stack trace', async () => {
    const response = await post('/messages', `text=${'c'.repeat(20_000)}`);
    expect(response.status).toBe(413);
    const html = await response.text();
    expect(html).toContain('That message is far too long to send');
    expect(html).not.toMatch(/PayloadTooLargeError|node_modules/);
    expect(texts()).toEqual([]);
  });

  it('answers an unknown address with a plain 404 that points back to the board', async () => {
    const response = await get('/no-such-page');
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('The message board is at ./');
  });
});

describe('the page', () => {
  it('shows injected HTML in messages as escaped text', async () => {
    board.add('<img src=x onerror=alert(1)>');
    board.add('<script>alert(1)</script>');
    const html = await (await get('/')).text();
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>alert');
  });

  it('escapes the kept draft after a failed post', async () => {
    const html = await (
      await post('/messages', `text=${encodeURIComponent(`</textarea><b>x`.padEnd(600, '!'))}`)
    ).text();
    expect(html).toContain('&lt;/textarea&gt;&lt;b&gt;x');
    expect(html).not.toContain('<b>x');
  });

  it('uses only relative URLs', async () => {
    const html = await (await get('/')).text();
    board.add('x');
    const withMessages = await (await get('/')).text();
    for (const page of [html, withMessages]) {
      expect(page).not.toMatch(/(href|src|action)="\//);
    }
    expect(withMessages).toContain('action="messages"');
    expect(withMessages).toContain('action="clear"');
    expect(html).toContain('src="js/main.js"');
  });

  it('explains that the page is not real-time yet', async () => {
    const html = await (await get('/')).text();
    expect(html).toContain('Not real-time yet');
    expect(html).toContain('two tabs');
  });

  it('serves the stylesheet as text/css and the browser code as JavaScript', async () => {
    expect((await get('/style.css')).headers.get('content-type')).toMatch(/^text\/css/);
    const script = await get('/js/main.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
  });
});
