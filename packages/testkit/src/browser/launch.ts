import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { findChromium } from './find-chromium.ts';

/**
 * Flags for a quiet headless Chromium on a machine without a network: no
 * sandbox (CI runs as root), and none of the background traffic to Google
 * that would otherwise fail, loudly, at every start.
 */
const quietFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * Starts the system Chromium headless through playwright-core.
 *
 * @example
 * const browser = await launchBrowser();
 * const page = await browser.newPage();
 * await page.goto(url);
 * await browser.close();
 */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), headless: true, args: quietFlags });
}

/** A page with everything it logged as an error kept for assertions. */
export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** `console.error` lines and uncaught exceptions, in order. */
  errors: string[];
}

/**
 * Opens a page in its own context (own storage, so two pages are two users)
 * and records console errors and uncaught exceptions.
 *
 * @example
 * const alice = await openPage(browser, { width: 360, height: 740 });
 * await alice.page.goto(url);
 * expect(alice.errors).toEqual([]);
 */
export async function openPage(
  browser: Browser,
  viewport: { width: number; height: number } = { width: 1024, height: 768 },
): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`${error.name}: ${error.message}`));
  return { page, context, errors };
}
