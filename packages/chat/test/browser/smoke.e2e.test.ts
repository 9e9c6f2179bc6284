import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { ChatClient } from '@funws/chat/client';
import { createChatServer } from '@funws/chat/server';
import { type Listening, listen } from '@funws/testkit';
import {
  bundleForBrowser,
  launchBrowser,
  openPage,
  type WatchedPage,
} from '@funws/testkit/browser';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The client in a real browser (Debian's Chromium): bundled from its sources,
// served from the chat server's own origin, used by two pages that are two users.

const clientEntry = fileURLToPath(new URL('../../src/client/index.ts', import.meta.url));

// The page renders with textContent only: every text in a chat comes from other users.
const page = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>chat smoke test</title><link rel="icon" href="data:,"></head>
  <body>
    <ul id="messages"></ul>
    <script type="module">
      import { ChatClient } from '/client.js';
      const nickname = new URLSearchParams(location.search).get('nickname');
      const client = new ChatClient({ nickname });
      const list = document.querySelector('#messages');
      client.on('change', (state) => {
        const messages = state.rooms.general?.messages ?? [];
        list.replaceChildren(...messages.map((message) => {
          const item = document.createElement('li');
          item.textContent = message.nickname + ': ' + message.text;
          return item;
        }));
      });
      client.on('error', (error) => console.error(error.code, error.message));
      await client.connect();
      await client.join('general');
      window.chat = client;
      document.body.dataset.ready = 'true';
    </script>
  </body>
</html>`;

type ChatWindow = Window & { chat: ChatClient };

let browser: Browser;
let listening: Listening;
let closeChat: () => Promise<void>;

beforeAll(async () => {
  const code = await bundleForBrowser(clientEntry);
  const httpServer = createServer((request, response) => {
    if (request.url === '/client.js') {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(code);
    } else if (request.url?.startsWith('/?') || request.url === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    } else {
      response.writeHead(404).end();
    }
  });
  const chat = createChatServer(httpServer);
  closeChat = () => chat.close();
  listening = await listen(httpServer);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await closeChat?.();
  await listening?.close();
});

async function openAs(nickname: string): Promise<WatchedPage> {
  const watched = await openPage(browser);
  await watched.page.goto(`${listening.url}/?nickname=${nickname}`);
  await watched.page
    .waitForSelector('body[data-ready="true"]', { state: 'attached', timeout: 10_000 })
    .catch(() => {
      throw new Error(
        `The page for ${nickname} did not connect and join within 10 s. Its errors: ${
          watched.errors.join(' | ') || 'none'
        }`,
      );
    });
  return watched;
}

describe('ChatClient in Chromium', () => {
  it('delivers a message from one page to the other, rendered as text', async () => {
    const alice = await openAs('alice');
    const bob = await openAs('bob');

    const text = 'hello <b>bob</b> & welcome';
    await alice.page.evaluate(async (message) => {
      await (window as unknown as ChatWindow).chat.send('general', message);
    }, text);

    const item = bob.page.locator('#messages li', { hasText: 'hello' });
    await item.waitFor();
    expect(await item.textContent()).toBe(`alice: ${text}`);
    expect(await bob.page.locator('#messages b').count()).toBe(0);
    const members = await bob.page.evaluate(() =>
      (window as unknown as ChatWindow).chat.state.rooms.general?.members.map((m) => m.nickname),
    );
    expect(members).toEqual(['alice', 'bob']);
    expect(alice.errors).toEqual([]);
    expect(bob.errors).toEqual([]);
  });

  it('keeps one identity across a reload, through localStorage', async () => {
    const carol = await openAs('carol');
    const userId = () =>
      carol.page.evaluate(() => (window as unknown as ChatWindow).chat.state.session?.userId);
    const before = await userId();
    await carol.page.reload();
    await carol.page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
    expect(await userId()).toBe(before);
    expect(carol.errors).toEqual([]);
  });
});
