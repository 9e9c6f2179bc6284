// Demo 2 in a real browser: Alice posts through the form, Bob sees it only after
// reloading (this is the "not real-time" lesson), injected HTML stays text, the
// page fits a 360 px phone, and it all works mounted under a prefix.
import { createServer } from 'node:http';
import { mountDemo } from '@funws/demo-kit';
import { type Listening, listen, type RunningApp, startApp } from '@funws/testkit';
import { launchBrowser, openPage } from '@funws/testkit/browser';
import express from 'express';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

const pwned = (page: Page) => page.evaluate(() => (window as { __pwned?: number }).__pwned);
const messageTexts = (page: Page) => page.locator('.message .text').allTextContents();

/** Posts through the form, then waits until the reloaded board shows the message on top. */
async function post(page: Page, text: string): Promise<void> {
  await page.getByLabel('Your message').fill(text);
  await page.getByRole('button', { name: 'Post' }).click();
  await expect.poll(() => page.locator('.message .text').first().textContent()).toBe(text);
}

describe('demo 2 on its own', () => {
  let running: RunningApp<ReturnType<typeof createApp>>;
  beforeAll(async () => {
    running = await startApp(createApp);
  });
  afterAll(async () => {
    await running.close();
  });

  it("shows Alice's posts to Bob after he reloads, as text, with nothing injected running", async () => {
    const alice = await openPage(browser, { width: 360, height: 740 });
    const bob = await openPage(browser, { width: 360, height: 740 });
    await alice.page.goto(`${running.url}/`);
    await bob.page.goto(`${running.url}/`);

    const payloads = [
      '<img src=x onerror="window.__pwned=1">',
      '<script>window.__pwned=1</script>',
      `A long word: ${'Donaudampfschifffahrtsgesellschaft'.repeat(3)}`,
    ];
    for (const text of payloads) await post(alice.page, text);
    expect(await messageTexts(alice.page)).toEqual([...payloads].reverse());

    // Not real-time: Bob's page still shows the board as it was when he loaded it.
    expect(await messageTexts(bob.page)).toEqual([]);
    await bob.page.reload();
    expect(await messageTexts(bob.page)).toEqual([...payloads].reverse());
    expect(await bob.page.locator('.message-list img, .message-list script').count()).toBe(0);

    // js/main.js rewrote the UTC fallback into local time.
    const time = await bob.page.locator('.message time').first().textContent();
    expect(time).not.toContain('UTC');

    for (const { page } of [alice, bob]) {
      expect(await pwned(page)).toBeUndefined();
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth, 'no sideways scrolling at 360 px').toBeLessThanOrEqual(360);
    }
    expect(alice.errors).toEqual([]);
    expect(bob.errors).toEqual([]);
    await alice.context.close();
    await bob.context.close();
  });

  it('shows the error and keeps the typed text when a blank message is posted', async () => {
    const { page, context, errors } = await openPage(browser);
    await page.goto(`${running.url}/`);
    await page.getByLabel('Your message').fill('    ');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/messages')),
      page.getByRole('button', { name: 'Post' }).click(),
    ]);
    expect(response.status()).toBe(400);
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('Please type a message first.');
    expect(await page.getByLabel('Your message').inputValue()).toBe('    ');
    // Chromium logs the 400 document as a failed load; nothing else may fail.
    expect(errors.filter((line) => !line.includes('status of 400'))).toEqual([]);
    await context.close();
  });
});

describe('a forged post from another site', () => {
  let running: RunningApp<ReturnType<typeof createApp>>;
  let evil: Listening;
  afterAll(async () => {
    await running.close();
    await evil.close();
  });

  it('is refused with 403 when a page on another site submits a form to the board', async () => {
    running = await startApp(createApp);
    // The "attacker": a page on http://localhost:<other port> (another site than
    // 127.0.0.1) whose script submits a hidden form to our board.
    const attacker = express();
    attacker.get('/', (_request, response) => {
      response
        .type('html')
        .send(
          `<form method="post" action="${running.url}/messages"><input name="text" value="forged"></form>` +
            '<script>document.forms[0].submit()</script>',
        );
    });
    evil = await listen(createServer(attacker));
    const { page, context } = await openPage(browser);
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url() === `${running.url}/messages`),
      page.goto(evil.url.replace('127.0.0.1', 'localhost')),
    ]);
    expect(response.status()).toBe(403);
    expect(await response.text()).toContain('CSRF');
    await page.goto(`${running.url}/`);
    expect(await messageTexts(page)).toEqual([]);
    await context.close();
  });
});

describe('demo 2 mounted under /demos/x inside another server', () => {
  let listening: Listening;
  afterAll(async () => {
    await listening.close();
  });

  it('posts, redirects and clears inside the prefix', async () => {
    const host = express();
    const server = createServer(host);
    mountDemo(host, server, '/demos/x', createApp);
    listening = await listen(server);
    const base = `${listening.url}/demos/x/`;

    const { page, context, errors } = await openPage(browser, { width: 360, height: 740 });
    await page.goto(base);
    await post(page, 'hello from under a prefix');
    expect(page.url()).toBe(base);
    expect(await messageTexts(page)).toEqual(['hello from under a prefix']);
    expect(await page.evaluate(() => getComputedStyle(document.body).display)).toBe('flex');

    await page.getByRole('button', { name: 'Clear all' }).click();
    await expect.poll(() => page.locator('.empty').textContent()).toContain('No messages yet');
    expect(page.url()).toBe(base);
    expect(errors).toEqual([]);
    await context.close();
  });
});
