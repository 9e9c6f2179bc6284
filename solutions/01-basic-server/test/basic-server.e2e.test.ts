// Demo 1 in a real browser (Debian's Chromium): the pages render on a phone-sized
// screen, the navigation works, an injected script in ?name= does not run, and the
// links still work when the demo is mounted under a prefix inside another server.
import { createServer } from 'node:http';
import { mountDemo } from '@funws/demo-kit';
import { type Listening, listen, type RunningApp, startApp } from '@funws/testkit';
import { launchBrowser, openPage } from '@funws/testkit/browser';
import express from 'express';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe('demo 1 on its own', () => {
  let running: RunningApp<ReturnType<typeof createApp>>;
  beforeAll(async () => {
    running = await startApp(createApp);
  });
  afterAll(async () => {
    await running.close();
  });

  it('renders the home page at 360 px without sideways scrolling, styled by style.css', async () => {
    const { page, context, errors } = await openPage(browser, { width: 360, height: 740 });
    await page.goto(`${running.url}/?name=${'Wolfeschlegelsteinhausen'.repeat(4)}`);
    await expect.poll(() => page.locator('h1').textContent()).toContain('Hello');
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth, 'the page should not scroll sideways at 360 px').toBeLessThanOrEqual(360);
    const display = await page.evaluate(() => getComputedStyle(document.body).display);
    expect(display, 'style.css makes the body a flex column').toBe('flex');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('navigates from Home to About and back with the nav links', async () => {
    const { page, context, errors } = await openPage(browser);
    await page.goto(`${running.url}/`);
    await page.getByRole('link', { name: 'About', exact: true }).click();
    await page.waitForURL(`${running.url}/about`);
    expect(await page.locator('h1').textContent()).toBe('About this demo');
    await page.getByRole('link', { name: 'Home', exact: true }).click();
    await page.waitForURL(`${running.url}/`);
    expect(await page.locator('h1').textContent()).toBe('Hello!');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('greets through the form and shows an injected script as text without running it', async () => {
    const { page, context, errors } = await openPage(browser);
    await page.goto(`${running.url}/`);
    const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    await page.getByLabel('Your name').fill(payload);
    await page.getByLabel('Your name').press('Enter');
    await page.waitForURL(/\?name=/);
    expect(await page.locator('.name').textContent()).toBe(payload);
    expect(await page.locator('main img, main script').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('demo 1 mounted under /demos/x inside another server', () => {
  let listening: Listening;
  afterEach(async () => {
    await listening.close();
  });

  it('keeps the stylesheet and the nav links inside the prefix, even from a deep 404 page', async () => {
    const host = express();
    const server = createServer(host);
    mountDemo(host, server, '/demos/x', createApp);
    listening = await listen(server);
    const { page, context, errors } = await openPage(browser, { width: 360, height: 740 });

    await page.goto(`${listening.url}/demos/x`); // the bare prefix redirects to /demos/x/
    await page.waitForURL(`${listening.url}/demos/x/`);
    await page.getByRole('link', { name: 'About', exact: true }).click();
    await page.waitForURL(`${listening.url}/demos/x/about`);
    expect(await page.locator('h1').textContent()).toBe('About this demo');

    const response = await page.goto(`${listening.url}/demos/x/some/deep/path`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Page not found');
    const display = await page.evaluate(() => getComputedStyle(document.body).display);
    expect(display, 'the 404 page finds style.css with ../../').toBe('flex');
    await page.getByRole('link', { name: 'Home', exact: true }).click();
    await page.waitForURL(`${listening.url}/demos/x/`);
    expect(await page.locator('h1').textContent()).toBe('Hello!');

    // Chromium logs the 404 document itself as a failed load; nothing else may fail.
    expect(errors.filter((line) => !line.includes('status of 404'))).toEqual([]);
    expect(errors).toHaveLength(1);
    await context.close();
  });
});
