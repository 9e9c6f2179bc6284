// The course in Chromium: every page renders cleanly, links resolve, the live
// demos' panes talk to each other, search works, phones don't scroll sideways,
// and axe finds nothing serious. One browser, one server, pages reused.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { demos } from '@funws/catalogue';
import { launchBrowser, openPage, type WatchedPage } from '@funws/testkit/browser';
import type { Browser, Frame, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { courseDir, distDir } from '../server/build.ts';
import { type RunningCourse, startCourse } from '../server/start.ts';

const require = createRequire(import.meta.url);
const axeSource = join(dirname(require.resolve('axe-core')), 'axe.min.js');

let running: RunningCourse;
let browser: Browser;
let phone: WatchedPage;
/** Every internal link found on every page, with a page it was found on. */
const links = new Map<string, string>();
const pages: string[] = [];

/** The pages the site built, from its sitemap, as paths. */
function sitemapPaths(): string[] {
  const files = readdirSync(distDir).filter((name) => /^sitemap-\d+\.xml$/.test(name));
  const paths = files.flatMap((file) =>
    [...readFileSync(join(distDir, file), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map(
      (match) => new URL(match[1]!).pathname,
    ),
  );
  return [...new Set(paths)].sort();
}

beforeAll(async () => {
  running = await startCourse({ port: 0, quiet: true });
  browser = await launchBrowser();
  phone = await openPage(browser, { width: 360, height: 740 });
  pages.push(...sitemapPaths());
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await running?.close();
});

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the devtools protocol, not added as a <script>: the course's
  // Content Security Policy refuses inline scripts it does not know, axe included.
  await page.evaluate(readFileSync(axeSource, 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes
          .map((node) => node.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
}

/**
 * Expressive Code makes a code block that scrolls sideways focusable
 * (tabindex) a moment after layout, from an idle callback; axe checks that.
 * Waits for it, or gives up after 5 s and lets axe report the block.
 */
async function codeBlocksSettled(page: Page): Promise<void> {
  await page
    .waitForFunction(
      () =>
        [...document.querySelectorAll('.expressive-code pre')].every(
          (pre) => pre.scrollWidth <= pre.clientWidth || pre.hasAttribute('tabindex'),
        ),
      null,
      { timeout: 5000 },
    )
    .catch(() => undefined);
}

describe('every page of the course', () => {
  it('has pages: the lessons, the playground and the API reference are in the sitemap', () => {
    expect(pages).toContain('/playground/');
    expect(pages.filter((path) => path.startsWith('/lessons/')).length).toBeGreaterThan(0);
    // The API reference is checked below like any page: at 360 px, with axe, its links.
    expect(pages).toContain('/api/');
    expect(pages).toContain('/api/server/functions/createchatserver/');
    expect(pages).toContain('/api/client/classes/chatclient/');
  });

  it('renders without console errors, fits 360 px without sideways scrolling, and passes axe', async () => {
    const problems: string[] = [];
    for (const path of pages) {
      phone.errors.length = 0;
      const response = await phone.page.goto(running.url + path, { waitUntil: 'load' });
      if (response?.status() !== 200) problems.push(`${path}: HTTP ${response?.status()}`);
      // Let lazy iframes and sockets start, so their errors are caught too.
      // The API reference's pages have neither.
      if (!path.startsWith('/api/')) await phone.page.waitForTimeout(300);
      await codeBlocksSettled(phone.page);
      const width = await phone.page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 360) {
        const culprits = await phone.page.evaluate(() =>
          [...document.querySelectorAll('body *')]
            .filter((element) => element.getBoundingClientRect().right > 361)
            .slice(0, 3)
            .map(
              (element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`,
            ),
        );
        problems.push(
          `${path}: scrolls sideways at 360 px (scrollWidth ${width}; e.g. ${culprits.join(', ')})`,
        );
      }
      // Starlight cuts a title too long for the header's row (overflow hidden), silently.
      const titleClipped = await phone.page.evaluate(() => {
        const title = document.querySelector<HTMLElement>('.site-title span');
        return title ? title.scrollWidth > title.clientWidth : false;
      });
      if (titleClipped) problems.push(`${path}: the site title is cut off at 360 px`);
      // Expressive Code makes a code block that scrolls sideways focusable once the
      // browser is idle; a busy page (live demos loading) gets there a little later.
      await phone.page
        .waitForFunction(
          () =>
            [...document.querySelectorAll<HTMLElement>('.expressive-code pre')].every(
              (pre) =>
                pre.scrollWidth <= pre.clientWidth ||
                pre.hasAttribute('tabindex') ||
                pre.closest('details:not([open])') !== null,
            ),
          undefined,
          { timeout: 5000 },
        )
        .catch(() => undefined);
      for (const violation of await seriousViolations(phone.page))
        problems.push(`${path}: axe ${violation}`);
      for (const error of phone.errors) problems.push(`${path}: console error: ${error}`);
      const hrefs = await phone.page.evaluate(() =>
        [...document.querySelectorAll<HTMLAnchorElement>('a[href]')]
          .filter((anchor) => anchor.origin === location.origin)
          .map((anchor) => anchor.href.split('#')[0]!),
      );
      for (const href of hrefs) if (!links.has(href)) links.set(href, path);
    }
    expect(problems).toEqual([]);
  }, 600_000); // every page, the hundred of the API reference included: minutes on a small machine

  it('links only to pages that exist (after redirects)', async () => {
    expect(links.size).toBeGreaterThan(0);
    const broken: string[] = [];
    for (const [href, from] of links) {
      const response = await fetch(href);
      await response.body?.cancel();
      if (response.status !== 200) broken.push(`${href} (on ${from}): HTTP ${response.status}`);
    }
    expect(broken).toEqual([]);
  }, 60_000);
});

/** Joins a demo pane if the demo asks for a nickname first. */
async function joinIfAsked(frame: FrameLocator, nickname: string): Promise<void> {
  const join = frame.locator('#join-form');
  if ((await join.count()) === 0) return;
  await frame.locator('#nickname').fill(nickname);
  await frame.locator('#join-form button[type="submit"]').click();
  await expect.poll(() => frame.locator('#message-form').isVisible(), { timeout: 5000 }).toBe(true);
}

async function waitForFrame(page: Page, selector: string): Promise<Frame> {
  const handle = await page.waitForSelector(selector, { state: 'attached' });
  const frame = await handle.contentFrame();
  if (!frame) throw new Error(`${selector} has no frame`);
  await frame.waitForLoadState('load');
  return frame;
}

const demoLessons = demos.filter((demo) => /^[3-7]$/.test(demo.key)).map((demo) => demo.lesson);

describe('the live demos of demos 3–7', () => {
  let desk: WatchedPage;
  beforeAll(async () => {
    desk = await openPage(browser, { width: 1280, height: 900 });
  });

  it.each(demoLessons)(
    '%s: what Alice does reaches Bob, and the inspector shows it',
    async (slug) => {
      await desk.page.goto(`${running.url}/lessons/${slug}/`);
      const section = desk.page.locator('[data-live-demo]').first();
      expect(await section.count(), `lesson ${slug} has a <LiveDemo>`).toBe(1);
      const demo = (await section.getAttribute('data-live-demo')) ?? '';
      await section.scrollIntoViewIfNeeded();
      await waitForFrame(desk.page, `[data-live-demo="${demo}"] [data-pane="alice"] iframe`);
      await waitForFrame(desk.page, `[data-live-demo="${demo}"] [data-pane="bob"] iframe`);
      const alice = desk.page.frameLocator(`[data-live-demo="${demo}"] [data-pane="alice"] iframe`);
      const bob = desk.page.frameLocator(`[data-live-demo="${demo}"] [data-pane="bob"] iframe`);
      await joinIfAsked(alice, 'Alice');
      await joinIfAsked(bob, 'Bob');
      const text = `hello from Alice in ${slug}`;
      if (demo === '03-first-socket') {
        // Demo 3 echoes to the sender only: Alice sees her echo; Bob sees it in the inspector.
        await alice.locator('#message').fill(text);
        await alice.locator('#echo-form button[type="submit"]').click();
        await expect
          .poll(() => alice.locator('#messages').textContent(), { timeout: 5000 })
          .toContain(text);
      } else {
        await alice.locator('#text').fill(text);
        await alice.locator('#message-form button[type="submit"]').click();
        await expect
          .poll(() => bob.locator('#messages').textContent(), { timeout: 5000 })
          .toContain(text);
      }
      await expect
        .poll(() => section.locator('[data-log]').textContent(), { timeout: 5000 })
        .toMatch(/Alice\s*→/);
      await expect
        .poll(() => section.locator('[data-log]').textContent(), { timeout: 5000 })
        .toContain(text);
      expect(desk.errors).toEqual([]);
    },
    30_000,
  );

  it("the inspector is private: a second browser sees none of the first one's packets", async () => {
    const first = await openPage(browser, { width: 1280, height: 900 });
    const second = await openPage(browser, { width: 1280, height: 900 });
    const lesson = `${running.url}/lessons/03-first-socket/`;
    const pane = '[data-live-demo="03-first-socket"] [data-pane="alice"] iframe';
    const open = async (person: WatchedPage) => {
      await person.page.goto(lesson);
      await person.page.locator('[data-live-demo]').scrollIntoViewIfNeeded();
      await waitForFrame(person.page, pane);
    };
    const say = async (person: WatchedPage, text: string) => {
      const alice = person.page.frameLocator(pane);
      await alice.locator('#message').fill(text);
      await alice.locator('#echo-form button[type="submit"]').click();
      // The page's own inspector shows its own pane's packet: the round trip.
      await expect
        .poll(() => person.page.locator('[data-log]').textContent(), { timeout: 10_000 })
        .toContain(text);
    };
    await open(first);
    await open(second);
    await say(first, 'a secret of the first browser');
    await say(second, 'what the second browser said');
    // One more round trip each, so anything either stream had yet to deliver has arrived.
    await say(first, 'first again');
    await say(second, 'second again');
    // Demo 3 echoes to the sender only, so nothing of the first browser's ever
    // travels on the second one's sockets: if its inspector showed it, it would
    // be showing someone else's connection.
    expect(await second.page.locator('[data-log]').textContent()).not.toContain(
      'a secret of the first browser',
    );
    expect(await first.page.locator('[data-log]').textContent()).not.toContain(
      'what the second browser said',
    );
    expect([...first.errors, ...second.errors]).toEqual([]);
    await first.context.close();
    await second.context.close();
  }, 60_000);

  it('sidebar-raw-vs-socketio: the inspector shows raw WebSocket frames too', async () => {
    await desk.page.goto(`${running.url}/lessons/sidebar-raw-vs-socketio/`);
    const section = desk.page.locator('[data-live-demo="sidebar-raw-vs-socketio"]');
    await section.scrollIntoViewIfNeeded();
    await waitForFrame(
      desk.page,
      '[data-live-demo="sidebar-raw-vs-socketio"] [data-pane="alice"] iframe',
    );
    const alice = desk.page.frameLocator(
      '[data-live-demo="sidebar-raw-vs-socketio"] [data-pane="alice"] iframe',
    );
    await alice.locator('#raw-input').fill('raw hello');
    await alice.locator('#raw-form button[type="submit"]').click();
    await expect
      .poll(() => alice.locator('#raw-log').textContent(), { timeout: 5000 })
      .toContain('raw hello');
    await expect
      .poll(() => section.locator('[data-log]').textContent(), { timeout: 5000 })
      .toMatch(/raw text frame.*raw hello/);
    expect(desk.errors).toEqual([]);
  }, 30_000);

  it('the playground: two people in #general hear each other, and can whisper', async () => {
    const alice = await openPage(browser, { width: 1024, height: 800 });
    const bob = await openPage(browser, { width: 360, height: 740 });
    for (const [person, name] of [
      [alice, 'alice-e2e'],
      [bob, 'bob-e2e'],
    ] as const) {
      await person.page.goto(`${running.url}/playground/`);
      await person.page.locator('#pg-nickname').fill(name);
      await person.page.getByRole('button', { name: 'Join the chat' }).click();
      await expect
        .poll(() => person.page.locator('[data-status]').textContent(), { timeout: 5000 })
        .toBe('connected');
      await expect
        .poll(() => person.page.locator('[data-join]').isVisible(), { timeout: 5000 })
        .toBe(false);
    }
    await expect
      .poll(() => alice.page.locator('[data-members]').textContent(), { timeout: 5000 })
      .toContain('bob-e2e');
    await alice.page.locator('#pg-text').fill('<b>hi</b> from the playground');
    await alice.page.locator('#pg-text').press('Enter');
    await expect
      .poll(() => bob.page.locator('[data-messages]').textContent(), { timeout: 5000 })
      .toContain('<b>hi</b> from the playground');
    expect(await bob.page.locator('[data-messages] b').count()).toBe(0);

    await alice.page.getByRole('button', { name: 'Whisper to bob-e2e' }).click();
    await alice.page.locator('#pg-text').fill('psst, only you');
    await alice.page.locator('#pg-text').press('Enter');
    await expect
      .poll(() => bob.page.locator('[data-messages]').textContent(), { timeout: 5000 })
      .toContain('alice-e2e whispered to you');
    expect([...alice.errors, ...bob.errors]).toEqual([]);
    await alice.context.close();
    await bob.context.close();
  }, 30_000);
});

/** A word that appears in the prose of exactly one lesson, and that lesson. */
function uniqueLessonWord(): { word: string; slug: string } {
  const dir = join(courseDir, 'src', 'content', 'docs', 'lessons');
  const words = new Map<string, Set<string>>();
  for (const file of readdirSync(dir).filter(
    (name) => name.endsWith('.mdx') || name.endsWith('.md'),
  )) {
    const slug = file.replace(/\.mdx?$/, '');
    const prose = readFileSync(join(dir, file), 'utf8')
      .replace(/^---[\s\S]*?---/, '')
      .replace(/```[\s\S]*?```/g, '')
      .replace(/<[^>]*>/g, ' ')
      .replace(/`[^`]*`/g, ' ')
      // A link's address is not text the search indexes.
      .replace(/\]\([^)]*\)/g, '] ')
      .split('\n')
      .filter((line) => !/^\s*(import|export)\s/.test(line))
      .join(' ')
      .toLowerCase();
    for (const word of prose.match(/\b[a-z]{9,}\b/g) ?? []) {
      if (!words.has(word)) words.set(word, new Set());
      words.get(word)!.add(slug);
    }
  }
  const unique = [...words]
    .filter(([, slugs]) => slugs.size === 1)
    .sort(([a], [b]) => b.length - a.length || a.localeCompare(b));
  const found = unique[0];
  if (!found) throw new Error('No word appears in exactly one lesson.');
  return { word: found[0], slug: [...found[1]][0]! };
}

describe('search', () => {
  it('finds a lesson by a word that only its body contains', async () => {
    const { word, slug } = uniqueLessonWord();
    const reader = await openPage(browser, { width: 1280, height: 900 });
    await reader.page.goto(`${running.url}/playground/`);
    await reader.page.locator('button[data-open-modal]').first().click();
    const input = reader.page.locator('dialog[open] input').first();
    await input.fill(word);
    await expect
      .poll(
        () =>
          reader.page
            .locator('dialog[open] a')
            .evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).pathname)),
        { timeout: 10_000 },
      )
      .toContain(`/lessons/${slug}/`);
    expect(reader.errors).toEqual([]);
    await reader.context.close();
  }, 30_000);

  it('finds an API page by the name of an export', async () => {
    const reader = await openPage(browser, { width: 1280, height: 900 });
    await reader.page.goto(`${running.url}/lessons/library/`);
    await reader.page.locator('button[data-open-modal]').first().click();
    await reader.page.locator('dialog[open] input').first().fill('createChatServer');
    await expect
      .poll(
        () =>
          reader.page
            .locator('dialog[open] a')
            .evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).pathname)),
        { timeout: 10_000 },
      )
      .toContain('/api/server/functions/createchatserver/');
    expect(reader.errors).toEqual([]);
    await reader.context.close();
  }, 30_000);
});

describe('the API reference', () => {
  it('is in the sidebar, with a way back to the lessons', async () => {
    const reader = await openPage(browser, { width: 1280, height: 900 });
    await reader.page.goto(`${running.url}/api/server/functions/createchatserver/`);
    const sidebar = reader.page.locator('#starlight__sidebar');
    await expect.poll(() => sidebar.getByText('API reference').count()).toBeGreaterThan(0);
    const lessons = await sidebar
      .locator('a')
      .evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).pathname));
    expect(lessons).toContain('/lessons/library/');
    expect(await reader.page.locator('h1').textContent()).toBe('createChatServer');
    await reader.context.close();
  }, 30_000);
});

describe('the interactive cells', () => {
  it('compute the handshake, show the frame bytes, and race polling against a socket', async () => {
    const reader = await openPage(browser, { width: 1280, height: 900 });
    await reader.page.goto(`${running.url}/lessons/websocket/`);
    const handshake = reader.page.locator('[data-handshake]').first();
    await expect
      .poll(() => handshake.locator('[data-accept]').textContent(), { timeout: 5000 })
      .toBe('s3pPLMBiTxaQ9kYGzzhZRbK+xOo=');
    await handshake.locator('[data-random]').click();
    await expect
      .poll(() => handshake.locator('[data-accept]').textContent(), { timeout: 5000 })
      .not.toBe('s3pPLMBiTxaQ9kYGzzhZRbK+xOo=');

    const frame = reader.page.locator('[data-frame]').first();
    await frame.locator('[data-text]').fill('Hello');
    await frame.locator('[data-fixed]').check();
    expect(await frame.locator('.frame__bytes').allTextContents()).toEqual([
      '81',
      '85',
      '37 fa 21 3d',
      '7f 9f 4d 51 58',
    ]);

    await reader.page.goto(`${running.url}/lessons/http/`);
    const lab = reader.page.locator('[data-lab]').first();
    await lab.locator('[data-interval]').selectOption('250');
    await lab.locator('[data-toggle]').click();
    const ticks = (column: string) =>
      lab.locator(`[data-column="${column}"] [data-stat="ticks"]`).textContent();
    await expect.poll(() => ticks('socket').then(Number), { timeout: 8000 }).toBeGreaterThan(0);
    await expect.poll(() => ticks('polling').then(Number), { timeout: 8000 }).toBeGreaterThan(0);
    await lab.locator('[data-toggle]').click();
    expect(reader.errors).toEqual([]);
    await reader.context.close();
  }, 30_000);
});

describe('weight', () => {
  it('measures the JavaScript a lesson page loads, its live demo included', async () => {
    const reader = await openPage(browser, { width: 1280, height: 900 });
    const sizes = new Map<string, number>();
    reader.page.on('response', async (response) => {
      if (response.request().resourceType() !== 'script') return;
      const body = await response.body().catch(() => Buffer.alloc(0));
      sizes.set(response.url(), body.length);
    });
    await reader.page.goto(`${running.url}/lessons/04-broadcast-chat/`, {
      waitUntil: 'networkidle',
    });
    const inline = await reader.page.evaluate(() =>
      [...document.querySelectorAll('script:not([src])')].reduce(
        (sum, script) => sum + (script.textContent?.length ?? 0),
        0,
      ),
    );
    // The lesson's own code; the live demo opens the page, so its panes may have
    // started loading theirs already, and they are counted apart below.
    const lesson = new Map([...sizes].filter(([url]) => !url.includes('/demos/')));
    await reader.page.locator('[data-live-demo]').first().scrollIntoViewIfNeeded();
    // Both panes have loaded their code once each shows it is connected.
    for (const pane of [0, 1]) {
      await reader.page
        .frameLocator(`[data-live-demo] iframe >> nth=${pane}`)
        .getByText('Connected', { exact: true })
        .waitFor();
    }
    const demos = [...sizes].filter(([url]) => url.includes('/demos/'));
    const sum = (list: Iterable<[string, number]>) =>
      [...list].reduce((total, [, size]) => total + size, 0);
    const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
    console.log(
      `JS of /lessons/04-broadcast-chat/ (uncompressed): ${kib(sum(lesson))} in ${lesson.size} files ` +
        `(${[...lesson].map(([url, size]) => `${new URL(url).pathname.split('/').pop()} ${kib(size)}`).join(', ')}) ` +
        `+ ${kib(inline)} inline; the two demo panes: ${kib(sum(demos))} in ${demos.length} files.`,
    );
    expect(sum(lesson)).toBeLessThan(300 * 1024);
    await reader.context.close();
  }, 30_000);
});
