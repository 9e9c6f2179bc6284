// Demo 4 in a real browser (the system Chromium): Alice and Bob chat, each
// message reaches the other page as plain text, a latecomer sees the history,
// and script-injection payloads run nothing anywhere.
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

async function send(page: Page, text: string) {
  await page.fill('#text', text);
  await page.press('#text', 'Enter');
}

function texts(page: Page) {
  return page.locator('#messages .text');
}

function pwned(page: Page) {
  return page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
}

describe('demo 4 in Chromium', () => {
  it('delivers each message to every page as text, and shows the history to a latecomer', async () => {
    const running = await startApp(createApp);
    try {
      const alice = await open(`${running.url}/`);
      const bob = await open(`${running.url}/`);

      await send(alice.page, imgPayload);
      await texts(bob.page).filter({ hasText: imgPayload }).waitFor();
      await send(bob.page, scriptPayload);
      await texts(alice.page).filter({ hasText: scriptPayload }).waitFor();

      // Both pages show the same conversation, in the same order, as text.
      for (const { page } of [alice, bob]) {
        expect(await texts(page).allTextContents()).toEqual([imgPayload, scriptPayload]);
      }

      // Carol, on a 360 px phone, arrives late and catches up from the history.
      const carol = await open(`${running.url}/`, { width: 360, height: 740 });
      await texts(carol.page).nth(1).waitFor();
      expect(await texts(carol.page).allTextContents()).toEqual([imgPayload, scriptPayload]);
      expect(
        await carol.page.evaluate(() => document.documentElement.scrollWidth),
      ).toBeLessThanOrEqual(360);

      for (const { page, errors } of [alice, bob, carol]) {
        expect(await page.locator('#messages img, #messages script').count()).toBe(0);
        expect(await pwned(page)).toBeUndefined();
        expect(errors).toEqual([]);
      }
    } finally {
      await running.close();
    }
  });

  it('shows the server’s error for a message of only spaces, and sends nothing', async () => {
    const running = await startApp(createApp);
    try {
      const alice = await open(`${running.url}/`);
      await send(alice.page, '   ');
      await alice.page.locator('#form-error', { hasText: 'characters' }).waitFor();
      expect(await texts(alice.page).count()).toBe(0);
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
      await send(alice.page, 'under a prefix');
      await texts(bob.page).filter({ hasText: 'under a prefix' }).waitFor();
      expect([...alice.errors, ...bob.errors]).toEqual([]);
    } finally {
      demo.io?.close();
      await listening.close();
    }
  });
});
