// Demo 6 in a real browser (the system Chromium): Alice, Bob and Carol join
// with script-injection payloads as nicknames. A whisper reaches Bob and not
// Carol, "is typing…" shows up and goes away, and Bob moves to another room
// where the room's messages and the room list follow him. Nothing runs.
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
  watched.page.setDefaultTimeout(10_000); // fail with a locator message before the test times out
  await watched.page.goto(url);
  await watched.page.locator('#connection[data-state="connected"]').waitFor({ timeout: 5000 });
  return watched;
}

async function joined(page: Page, nickname: string, room = 'general') {
  await page.fill('#nickname', nickname);
  await page.selectOption('#room', room);
  await page.press('#nickname', 'Enter');
  await page.locator('#message-form').waitFor({ state: 'visible' });
  await page.locator('#room-name', { hasText: `#${room}` }).waitFor();
}

async function send(page: Page, text: string) {
  await page.fill('#text', text);
  await page.press('#text', 'Enter');
  // The page clears the field once the server has acknowledged it.
  await page.waitForFunction(() => document.querySelector<HTMLInputElement>('#text')?.value === '');
}

/** The list item of the message (or whisper) whose text is `text`. */
function itemWith(page: Page, text: string, kind = '.message:not(.system)') {
  return page.locator(`#messages ${kind}`).filter({
    has: page.locator('.text', { hasText: text }),
  });
}

function pwned(page: Page) {
  return page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
}

describe('demo 6 in Chromium', () => {
  it('whispers to Bob only, shows who is typing, and moves Bob between rooms', async () => {
    const running = await startApp(createApp);
    try {
      const alice = await open(`${running.url}/`);
      const bob = await open(`${running.url}/`, { width: 360, height: 740 });
      const carol = await open(`${running.url}/`);
      await joined(alice.page, imgName);
      await joined(bob.page, scriptName);
      await joined(carol.page, 'Carol');

      // A room message reaches everyone in the room, as text.
      await send(alice.page, scriptPayload);
      await itemWith(bob.page, scriptPayload).waitFor();
      await itemWith(carol.page, scriptPayload).waitFor();

      // A whisper: Bob and Alice see it, Carol (same room) never does.
      await send(alice.page, `/w ${scriptName} ${imgPayload}`);
      const bobsWhisper = itemWith(bob.page, imgPayload, '.whisper');
      await bobsWhisper.waitFor();
      expect(await bobsWhisper.locator('.author').textContent()).toBe(`${imgName} → you`);
      await itemWith(alice.page, imgPayload, '.whisper').waitFor();
      // Bob answers with a quoted nickname (Alice's has spaces in it).
      await send(bob.page, `/w "${imgName}" ${scriptPayload}`);
      await itemWith(alice.page, scriptPayload, '.whisper').waitFor();
      await send(carol.page, 'after the whispers');
      await itemWith(alice.page, 'after the whispers').waitFor();
      expect(await carol.page.locator('#messages .whisper').count(), 'Carol sees no whisper').toBe(
        0,
      );

      // Typing: Bob sees "… is typing…" while Alice types, and it goes when she sends.
      await alice.page.fill('#text', 'I am typ');
      await bob.page.locator('#typing', { hasText: `${imgName} is typing…` }).waitFor();
      await alice.page.press('#text', 'Enter');
      await bob.page.locator('#typing:empty').waitFor();

      // Rooms: Bob moves to #tech. He gets #tech's (empty) history, the lists follow.
      await bob.page.click('#rooms button[data-room="tech"]');
      await bob.page.locator('#room-name', { hasText: '#tech' }).waitFor();
      await bob.page.locator('#rooms [aria-current="true"]', { hasText: '#tech (1)' }).waitFor();
      expect(await itemWith(bob.page, scriptPayload).count(), '#general stays behind').toBe(0);
      await alice.page.locator('#rooms button', { hasText: '#general (2)' }).waitFor();
      await alice.page
        .locator('#messages .system', { hasText: `${scriptName} left #general` })
        .waitFor();
      expect(await alice.page.locator('#users .user').allTextContents()).toEqual([
        `${imgName} (you)`,
        'Carol',
      ]);
      await send(bob.page, 'only in tech');
      await itemWith(bob.page, 'only in tech').waitFor();
      await send(alice.page, 'only in general');
      await itemWith(alice.page, 'only in general').waitFor();
      expect(await itemWith(alice.page, 'only in tech').count()).toBe(0);
      expect(await itemWith(bob.page, 'only in general').count()).toBe(0);

      for (const { page } of [alice, bob, carol]) {
        expect(
          await page.locator('#messages img, #messages script, #users img, #users script').count(),
        ).toBe(0);
        expect(await pwned(page)).toBeUndefined();
      }
      expect(
        await bob.page.evaluate(() => document.documentElement.scrollWidth),
        'no sideways scrolling at 360 px',
      ).toBeLessThanOrEqual(360);
      expect([...alice.errors, ...bob.errors, ...carol.errors]).toEqual([]);
    } finally {
      await running.close();
    }
  });

  it('says so on the form when a whisper goes to nobody', async () => {
    const running = await startApp(createApp);
    try {
      const alice = await open(`${running.url}/`);
      await joined(alice.page, 'Alice', 'random');
      await alice.page.fill('#text', '/w nobody hello');
      await alice.page.press('#text', 'Enter');
      await alice.page.locator('#form-error', { hasText: 'Nobody called "nobody"' }).waitFor();
      await alice.page.fill('#text', '/w');
      await alice.page.press('#text', 'Enter');
      await alice.page.locator('#form-error', { hasText: '/w nickname' }).waitFor();
      expect(alice.errors).toEqual([]);
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
      const alice = await open(`${listening.url}/demos/x`);
      const bob = await open(`${listening.url}/demos/x/`);
      await joined(alice.page, 'Alice', 'tech');
      await joined(bob.page, 'Bob', 'tech');
      await send(alice.page, '/w bob under a prefix');
      await itemWith(bob.page, 'under a prefix', '.whisper').waitFor();
      await bob.page.click('#rooms button[data-room="random"]');
      await bob.page.locator('#room-name', { hasText: '#random' }).waitFor();
      expect([...alice.errors, ...bob.errors]).toEqual([]);
    } finally {
      await demo.close?.();
      demo.io?.close();
      await listening.close();
    }
  });
});
