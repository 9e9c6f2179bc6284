// Demo 7 in a real browser (the system Chromium): Alice and Bob join with
// script-injection payloads as nicknames, react to a message, ask a poll with
// payloads in the question and options, vote and move the vote, and draw on
// the shared canvas: Alice's line shows up on Bob's canvas (checked pixel by
// pixel) and on the canvas of Carol, who joins late. Nothing runs.
import { createServer } from 'node:http';
import { mountDemo } from '@funws/demo-kit';
import { listen, startApp } from '@funws/testkit';
import {
  canvasPixel,
  drawOnCanvas,
  launchBrowser,
  openPage,
  type WatchedPage,
} from '@funws/testkit/browser';
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

async function joined(page: Page, nickname: string) {
  await page.fill('#nickname', nickname);
  await page.press('#nickname', 'Enter');
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

/** The button of the poll option whose text is `text`. */
function option(page: Page, text: string) {
  return page.locator('#polls .option').filter({
    has: page.locator('.option-text', { hasText: text }),
  });
}

/** Waits until the pixel at (x, y) is Alice's red (#d93025, the default colour). */
async function waitForRed(page: Page, x: number, y: number) {
  await expect
    .poll(() => canvasPixel(page, '#canvas', [x, y]), {
      timeout: 5000,
      message: `red pixel at ${x},${y}`,
    })
    .toEqual([0xd9, 0x30, 0x25, 255]);
}

function pwned(page: Page) {
  return page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
}

describe('demo 7 in Chromium', () => {
  it('shares reactions, a poll vote that moves, and a canvas stroke, all as plain text', async () => {
    const running = await startApp(createApp);
    try {
      const alice = await open(`${running.url}/`);
      const bob = await open(`${running.url}/`, { width: 360, height: 740 });
      await joined(alice.page, imgName);
      await joined(bob.page, scriptName);

      // A message, and Bob's 🎉 under it: Alice sees the count, Bob sees it pressed.
      await send(alice.page, scriptPayload);
      const bobsCopy = messageWith(bob.page, scriptPayload);
      await bobsCopy.waitFor();
      await bobsCopy.locator('.react-picker summary').click();
      await bobsCopy.locator('.react-picker [data-emoji="🎉"]').click();
      const aliceReaction = messageWith(alice.page, scriptPayload).locator(
        '.reactions > .reaction',
        {
          hasText: '🎉',
        },
      );
      await aliceReaction.filter({ hasText: '1' }).waitFor();
      expect(await aliceReaction.getAttribute('aria-pressed')).toBe('false');
      const bobReaction = bobsCopy.locator('.reactions > .reaction[aria-pressed="true"]', {
        hasText: '🎉',
      });
      await bobReaction.waitFor();
      // A second click takes it back.
      await bobReaction.click();
      await aliceReaction.waitFor({ state: 'detached' });

      // A poll with payloads in the question and the options.
      await alice.page.locator('#question').scrollIntoViewIfNeeded();
      await alice.page.fill('#question', imgPayload);
      await alice.page.fill('#options', `${scriptPayload}\n${imgPayload}\nneither`);
      await alice.page.click('#poll-form button[type="submit"]');
      await option(bob.page, 'neither').waitFor();
      expect(await bob.page.locator('#polls .question').textContent()).toBe(imgPayload);
      expect(await bob.page.locator('#polls .option-text').allTextContents()).toEqual([
        scriptPayload,
        imgPayload,
        'neither',
      ]);

      // Bob votes, then changes his mind: his vote moves, it is not counted twice.
      await option(bob.page, scriptPayload).click();
      await option(alice.page, scriptPayload).locator('.votes', { hasText: '1' }).waitFor();
      await option(bob.page, 'neither').click();
      await option(alice.page, 'neither').locator('.votes', { hasText: '1' }).waitFor();
      expect(await alice.page.locator('#polls .votes').allTextContents()).toEqual(['0', '0', '1']);
      await option(bob.page, 'neither').and(bob.page.locator('[aria-pressed="true"]')).waitFor();

      // Alice draws a diagonal line; it appears on Bob's (smaller) canvas as a line.
      await drawOnCanvas(alice.page, '#canvas', [
        [0.1, 0.1],
        [0.3, 0.3],
        [0.5, 0.5],
        [0.7, 0.7],
        [0.9, 0.9],
      ]);
      for (const t of [0.2, 0.4, 0.5, 0.6, 0.8]) await waitForRed(bob.page, t, t);
      expect(
        (await canvasPixel(bob.page, '#canvas', [0.9, 0.1]))[3],
        'nothing drawn off the line',
      ).toBe(0);

      // Carol comes late and sees it all: the message, the poll totals, the drawing.
      const carol = await open(`${running.url}/`);
      await joined(carol.page, 'Carol');
      await messageWith(carol.page, scriptPayload).waitFor();
      await option(carol.page, 'neither').locator('.votes', { hasText: '1' }).waitFor();
      for (const t of [0.2, 0.5, 0.8]) await waitForRed(carol.page, t, t);

      // Bob clears the canvas for everyone.
      await bob.page.locator('#clear-canvas').scrollIntoViewIfNeeded();
      await bob.page.click('#clear-canvas');
      await alice.page.locator('#canvas-status', { hasText: `${scriptName} cleared` }).waitFor();
      expect((await canvasPixel(alice.page, '#canvas', [0.5, 0.5]))[3]).toBe(0);

      for (const { page } of [alice, bob, carol]) {
        expect(await page.locator('#chat img, #chat script').count()).toBe(0);
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

  it('works mounted under a path prefix, as inside the course', async () => {
    const host = express();
    const server = createServer(host);
    const demo = mountDemo(host, server, '/demos/x', createApp);
    const listening = await listen(server);
    try {
      const alice = await open(`${listening.url}/demos/x`);
      const bob = await open(`${listening.url}/demos/x/`);
      await joined(alice.page, 'Alice');
      await joined(bob.page, 'Bob');
      await drawOnCanvas(alice.page, '#canvas', [
        [0.2, 0.5],
        [0.8, 0.5],
      ]);
      await waitForRed(bob.page, 0.5, 0.5);
      await alice.page.fill('#question', 'Under a prefix?');
      await alice.page.fill('#options', 'yes\nno');
      await alice.page.click('#poll-form button[type="submit"]');
      await option(bob.page, 'yes').click();
      await option(alice.page, 'yes').locator('.votes', { hasText: '1' }).waitFor();
      expect([...alice.errors, ...bob.errors]).toEqual([]);
    } finally {
      demo.io?.close();
      await listening.close();
    }
  });
});
