// Demo 5 in a real browser (the system Chromium): Alice and Bob join with
// script-injection payloads as nicknames, chat with payloads as messages, see
// each other in the online list and in join/leave lines, all as plain text,
// and nothing runs. A copycat nickname is refused on the join form.
import { createServer } from 'node:http';
import { mountDemo } from '@funws/demo-kit';
import { listen, startApp } from '@funws/testkit';
import { launchBrowser, openPage, type WatchedPage } from '@funws/testkit/browser';
import express from 'express';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';

const imgPayload = '<img src=x onerror="window.__pwned=1">';
const scriptPayload = '<script>window.__pwned=1</script>';
// Nicknames are at most 32 characters, so they get shorter payloads.
const imgName = '<img src=x onerror=__pwned=1>';
const scriptName = '<script>__pwned=1</script>';

let browser: Browser;
const pages: WatchedPage[] = [];
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});
afterEach(async () => {
  for (const { context } of pages.splice(0)) await context.close();
});

async function open(url: string, viewport = { width: 1024, height: 768 }): Promise<WatchedPage> {
  const watched = await openPage(browser, viewport);
  pages.push(watched);
  await watched.page.goto(url);
  await watched.page.locator('#connection[data-state="connected"]').waitFor({ timeout: 5000 });
  return watched;
}

async function join(page: Page, nickname: string) {
  await page.fill('#nickname', nickname);
  await page.press('#nickname', 'Enter');
}

async function joined(page: Page, nickname: string) {
  await join(page, nickname);
  await page.locator('#message-form').waitFor({ state: 'visible' });
}

async function send(page: Page, text: string) {
  await page.fill('#text', text);
  await page.press('#text', 'Enter');
}

/** The list item of the message whose text is `text`. */
function messageWith(page: Page, text: string) {
  return page.locator('#messages .message:not(.system)').filter({
    has: page.locator('.text', { hasText: text }),
  });
}

function pwned(page: Page) {
  return page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
}

describe('demo 5 in Chromium', () => {
  it('lets Alice and Bob chat under nicknames, all user text shown as text', async () => {
    const running = await startApp(createApp);
    try {
      const alice = await open(`${running.url}/`);
      const bob = await open(`${running.url}/`, { width: 360, height: 740 });

      // The chat is hidden until you join.
      expect(await alice.page.locator('#chat').isVisible()).toBe(false);
      await joined(alice.page, imgName);
      await joined(bob.page, scriptName);

      // Alice sees Bob arrive, as a system line and in the online list.
      await alice.page
        .locator('#messages .system', { hasText: `${scriptName} joined the chat` })
        .waitFor();
      await alice.page.locator('#users .user', { hasText: scriptName }).waitFor();
      expect(await alice.page.locator('#users .user').allTextContents()).toEqual([
        `${imgName} (you)`,
        scriptName,
      ]);
      expect(await alice.page.textContent('#user-count')).toBe('(2)');

      // Messages, signed by the server with each sender's nickname.
      await send(alice.page, scriptPayload);
      await messageWith(bob.page, scriptPayload).waitFor();
      expect(await messageWith(bob.page, scriptPayload).locator('.author').textContent()).toBe(
        imgName,
      );
      await send(bob.page, imgPayload);
      await messageWith(alice.page, imgPayload).waitFor();
      expect(await messageWith(alice.page, imgPayload).locator('.author').textContent()).toBe(
        scriptName,
      );

      for (const { page } of [alice, bob]) {
        expect(
          await page.locator('#messages img, #messages script, #users img, #users script').count(),
        ).toBe(0);
        expect(await pwned(page)).toBeUndefined();
      }
      expect(
        await bob.page.evaluate(() => document.documentElement.scrollWidth),
      ).toBeLessThanOrEqual(360);
      expect([...alice.errors, ...bob.errors]).toEqual([]);

      // Bob leaves: Alice sees it.
      await bob.context.close();
      await alice.page
        .locator('#messages .system', { hasText: `${scriptName} left the chat` })
        .waitFor();
      expect(await alice.page.locator('#users .user').allTextContents()).toEqual([
        `${imgName} (you)`,
      ]);
    } finally {
      await running.close();
    }
  });

  it('refuses a nickname already taken, in another case, and says so on the join form', async () => {
    const running = await startApp(createApp);
    try {
      const alice = await open(`${running.url}/`);
      await joined(alice.page, 'Alice');
      const copycat = await open(`${running.url}/`);
      await join(copycat.page, 'ALICE');
      await copycat.page.locator('#join-error', { hasText: 'already' }).waitFor();
      expect(await copycat.page.locator('#chat').isVisible()).toBe(false);
      // A free nickname then works.
      await joined(copycat.page, 'Alice the second');
      expect(copycat.errors).toEqual([]);
    } finally {
      await running.close();
    }
  });

  it('works mounted under a path prefix, as inside the course', async () => {
    const host = express();
    const server = createServer(host);
    const demo = mountDemo(host, server, '/demos/x', createApp);
    const listening = await listen(server);
    try {
      // The bare prefix redirects to the prefix with a slash, so relative URLs resolve.
      const alice = await open(`${listening.url}/demos/x`);
      const bob = await open(`${listening.url}/demos/x/`);
      await joined(alice.page, 'Alice');
      await joined(bob.page, 'Bob');
      await send(alice.page, 'under a prefix');
      await messageWith(bob.page, 'under a prefix').waitFor();
      expect([...alice.errors, ...bob.errors]).toEqual([]);
    } finally {
      demo.io?.close();
      await listening.close();
    }
  });
});
