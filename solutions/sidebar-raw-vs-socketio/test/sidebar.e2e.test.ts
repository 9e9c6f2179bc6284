// The sidebar in a real browser: both panels connect, each log shows the wire
// text (raw JSON frames; Socket.IO's 42[…] packets), injected HTML stays text,
// a simulated restart leaves the raw panel closed while Socket.IO comes back by
// itself, and it all works on two ports (alone) and on one port (mounted).
import { createServer } from 'node:http';
import { mountDemo } from '@funws/demo-kit';
import { type Listening, listen, type RunningApp, startApp } from '@funws/testkit';
import { launchBrowser, openPage, type WatchedPage } from '@funws/testkit/browser';
import express from 'express';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type SidebarApp } from '../src/app.ts';
import { routeUpgrades } from '../src/raw-echo.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

const pages: WatchedPage[] = [];
async function open(url: string, width = 1024): Promise<WatchedPage> {
  const watched = await openPage(browser, { width, height: 800 });
  pages.push(watched);
  await watched.page.goto(url);
  await expect.poll(() => watched.page.locator('#raw-status').textContent()).toBe('Connected');
  await expect.poll(() => watched.page.locator('#sio-status').textContent()).toMatch(/^Connected/);
  return watched;
}
afterEach(async () => {
  for (const { context } of pages.splice(0)) await context.close();
});

const logTexts = (page: Page, panel: 'raw' | 'sio') =>
  page.locator(`#${panel}-log .wire`).allTextContents();

async function send(page: Page, panel: 'raw' | 'sio', text: string): Promise<void> {
  await page.locator(`#${panel}-input`).fill(text);
  await page.locator(`#${panel}-input`).press('Enter');
}

/** Sends in both panels and checks the wire text in each log. */
async function sendInBothPanels(page: Page, text: string): Promise<void> {
  const json = JSON.stringify(text).slice(1, -1); // how the text looks inside JSON
  await send(page, 'raw', text);
  await expect
    .poll(() => logTexts(page, 'raw'))
    .toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          new RegExp(`^\\{"message":"${escapeRegExp(json)}","timestamp":"[^"]+"\\}$`),
        ),
        expect.stringMatching(
          new RegExp(
            `^\\{"type":"echo","original_message":"${escapeRegExp(json)}","timestamp":"[^"]+","from_server":true\\}$`,
          ),
        ),
      ]),
    );
  await send(page, 'sio', text);
  await expect
    .poll(() => logTexts(page, 'sio'))
    .toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          new RegExp(`^42\\d*\\["echo_message",\\{"message":"${escapeRegExp(json)}"\\}\\]$`),
        ),
        expect.stringMatching(/^42\["echo_response",\{"username":"Anonymous"/),
        expect.stringMatching(/^43\d+\[\{"ok":true\}\]$/),
      ]),
    );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('the sidebar on one server (raw endpoint at /raw)', () => {
  let running: RunningApp<SidebarApp>;
  beforeAll(async () => {
    running = await startApp(createApp);
  });
  afterAll(async () => {
    await running.close();
  });

  it('shows the wire text in both panels, as text, to the sender only, at 360 px', async () => {
    const alice = await open(`${running.url}/`, 360);
    const bob = await open(`${running.url}/`, 360);
    const sioHandshake = await logTexts(alice.page, 'sio');
    expect(sioHandshake[0], 'the Engine.IO handshake comes first').toMatch(/^0\{"sid":/);
    expect(sioHandshake).toContainEqual(expect.stringMatching(/^40/));
    expect(sioHandshake).toContainEqual(expect.stringMatching(/^42\["status"/));

    for (const payload of [
      '<img src=x onerror="window.__pwned=1">',
      '<script>window.__pwned=1</script>',
    ]) {
      await sendInBothPanels(alice.page, payload);
    }
    expect(await alice.page.locator('.log img, .log script').count()).toBe(0);
    expect(
      await alice.page.evaluate(() => (window as { __pwned?: number }).__pwned),
    ).toBeUndefined();
    // An echo goes back to its sender only: Bob's logs know nothing of Alice's messages.
    expect((await logTexts(bob.page, 'raw')).join('\n')).not.toContain('pwned');
    expect((await logTexts(bob.page, 'sio')).join('\n')).not.toContain('pwned');

    for (const { page, errors } of [alice, bob]) {
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth, 'no sideways scrolling at 360 px').toBeLessThanOrEqual(360);
      expect(errors).toEqual([]);
    }
  });

  it('after a restart, leaves the raw panel closed and lets Socket.IO reconnect by itself', async () => {
    const { page, errors } = await open(`${running.url}/`);
    await page.getByRole('button', { name: 'Simulate a server restart' }).click();

    await expect
      .poll(() => page.locator('#raw-status').textContent())
      .toContain('no reconnection unless you write it');
    expect(await page.locator('#raw-status').textContent()).toContain('1012');
    await expect
      .poll(() => page.locator('#sio-log').textContent())
      .toContain('disconnect: transport close');
    await expect
      .poll(() => page.locator('#sio-status').textContent(), { timeout: 10_000 })
      .toMatch(/^Connected/);
    // The new Engine.IO connection is in the log too: a second handshake.
    expect((await logTexts(page, 'sio')).filter((line) => line.startsWith('0{"sid"'))).toHaveLength(
      2,
    );
    // Still closed: nobody wrote reconnection code for the raw socket…
    expect(await page.locator('#raw-status').getAttribute('data-state')).toBe('closed');

    // …except the Reconnect button.
    await page.getByRole('button', { name: 'Reconnect' }).click();
    await expect.poll(() => page.locator('#raw-status').textContent()).toBe('Connected');
    await sendInBothPanels(page, 'after the restart');
    expect(errors).toEqual([]);
  });
});

describe('the sidebar alone, as src/main.ts runs it (raw echo on its own port)', () => {
  let running: RunningApp<SidebarApp>;
  let rawServer: Listening;
  beforeAll(async () => {
    const server = createServer();
    rawServer = await listen(server);
    running = await startApp((options) => createApp({ ...options, rawPort: rawServer.port }));
    routeUpgrades(server, running.app.raw, '/');
  });
  afterAll(async () => {
    await running.close();
    await rawServer.close();
  });

  it('connects the raw panel to the other port (CSP and Origin check allow it)', async () => {
    const { page, errors } = await open(`${running.url}/`);
    expect(await page.locator('#raw-log .wire').first().textContent()).toBe(
      `new WebSocket("ws://127.0.0.1:${rawServer.port}/")`,
    );
    await sendInBothPanels(page, 'two ports');
    expect(errors).toEqual([]);
  });
});

describe('the sidebar mounted under /demos/x (one port, as in the course)', () => {
  let listening: Listening;
  let demo: SidebarApp;
  beforeAll(async () => {
    const host = express();
    const server = createServer(host);
    demo = mountDemo(host, server, '/demos/x', createApp) as SidebarApp;
    listening = await listen(server);
  });
  afterAll(async () => {
    await demo.close?.();
    demo.io?.close();
    await listening.close();
  });

  it('works in both panels under the prefix', async () => {
    const { page, errors } = await open(`${listening.url}/demos/x/`, 360);
    expect(await page.locator('#raw-log .wire').first().textContent()).toBe(
      `new WebSocket("ws://127.0.0.1:${listening.port}/demos/x/raw")`,
    );
    await sendInBothPanels(page, 'under a prefix');
    expect(errors).toEqual([]);
  });
});
