// Demo 3 in a real browser (the system Chromium): Alice and Bob each open the
// page, send a message with a script-injection payload in every text field,
// see it echoed as plain text on their own page only, and nothing runs.
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
// Names are at most 32 characters, so the name field gets shorter payloads.
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

async function sendEcho(page: Page, username: string, message: string) {
  await page.fill('#username', username);
  await page.fill('#message', message);
  await page.press('#message', 'Enter');
}

function echoes(page: Page) {
  return page.locator('#messages li');
}

function pwned(page: Page) {
  return page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
}

describe('demo 3 in Chromium', () => {
  it('echoes each user’s message to that user only, showing injection payloads as text', async () => {
    const running = await startApp(createApp);
    try {
      const alice = await open(`${running.url}/`);
      const bob = await open(`${running.url}/`, { width: 360, height: 740 });
      await alice.page.locator('#greeting', { hasText: 'Connected' }).waitFor();

      await sendEcho(alice.page, imgName, scriptPayload);
      await echoes(alice.page).filter({ hasText: scriptPayload }).waitFor();
      await sendEcho(bob.page, scriptName, imgPayload);
      await echoes(bob.page).filter({ hasText: imgPayload }).waitFor();

      // Each page shows its own echo, as text, and not the other user's.
      expect(await alice.page.locator('#messages .author').allTextContents()).toEqual([imgName]);
      expect(await alice.page.locator('#messages .text').allTextContents()).toEqual([
        scriptPayload,
      ]);
      expect(await bob.page.locator('#messages .author').allTextContents()).toEqual([scriptName]);
      expect(await bob.page.locator('#messages .text').allTextContents()).toEqual([imgPayload]);
      for (const { page, errors } of [alice, bob]) {
        expect(await page.locator('#messages img, #messages script').count()).toBe(0);
        expect(await pwned(page)).toBeUndefined();
        expect(errors).toEqual([]);
      }
      // The input is cleared after a successful send.
      expect(await alice.page.inputValue('#message')).toBe('');
      // At 360 px, Bob's page does not scroll sideways.
      expect(
        await bob.page.evaluate(() => document.documentElement.scrollWidth),
      ).toBeLessThanOrEqual(360);
    } finally {
      await running.close();
    }
  });

  it('shows the server’s error when the message is only spaces', async () => {
    const running = await startApp(createApp);
    try {
      const alice = await open(`${running.url}/`);
      await sendEcho(alice.page, 'Alice', '   ');
      await alice.page.locator('#form-error', { hasText: 'characters' }).waitFor();
      expect(await echoes(alice.page).count()).toBe(0);
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
      await sendEcho(alice.page, 'Alice', 'under a prefix');
      await echoes(alice.page).filter({ hasText: 'under a prefix' }).waitFor();
      expect(alice.errors).toEqual([]);
    } finally {
      demo.io?.close();
      await listening.close();
    }
  });
});
