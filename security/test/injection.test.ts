// An injection corpus typed into every text field of every demo page (demos
// 1–7 and the sidebar) and of the course playground, in Chromium, with a second
// page watching. Nothing may run: a payload that executes calls `xss()` (a
// counter the page gets before any of its own scripts), opens a dialog, or is
// refused by the Content Security Policy, which fires `securitypolicyviolation`.
// All three are counted, in both pages, and must stay at 0.

import { type RunningCourse, startCourse } from '@funws/course/server';
import { launchBrowser, openPage, type WatchedPage } from '@funws/testkit/browser';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** `@@` stands for a marker unique to each typing, so we can tell when it is shown. */
const corpus = [
  '@@<img src=x onerror=xss()>',
  '@@<script>xss()</script>',
  '@@<svg onload=xss()>',
  '@@"><img src=x onerror=xss()>',
  "@@' onmouseover='xss()' x='",
  '@@<a href="javascript:xss()">link</a>',
  '@@javascript:xss()',
  '@@<iframe src="javascript:xss()"></iframe>',
  '@@<img src=x onerror=alert(1)>',
  '@@</textarea><script>xss()</script>',
  '@@<details open ontoggle=xss()>',
  '@@<math><mtext><table><mglyph><style><img src=x onerror=xss()>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template placeholder is the payload
  '@@{{ 7*7 }}{% raw %}${xss()}',
  '@@<style>*{display:none}</style>',
  '@@\u202egnp.exe',
  '@@<body onload=xss()>',
];

/** Installed in every page and frame before its own scripts. */
function detector(): void {
  const state = { runs: 0, violations: [] as string[] };
  Object.assign(window, {
    __xss: state,
    xss: () => {
      state.runs += 1;
    },
  });
  document.addEventListener('securitypolicyviolation', (event) => {
    state.violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
  });
}

/** Elements a payload would have made, had it been parsed as HTML. */
const madeFromPayload =
  '[onerror], [onload], [onmouseover], [ontoggle], img[src="x"], a[href^="javascript:"], iframe[src^="javascript:"], math';

interface Field {
  /** The field, e.g. `#text`. */
  selector: string;
  /** A nickname field: each payload gets a fresh page, as each join needs one. */
  join?: boolean;
  /** Fills the other fields of the form, if it needs them. */
  others?: Record<string, string>;
  /** What to type, given the payload (e.g. a whisper command around it). */
  wrap?: (payload: string) => string;
}

interface DemoPage {
  name: string;
  path: string;
  /** How a page joins, if it must before it can talk. */
  join?: (page: Page, nickname: string) => Promise<void>;
  fields: Field[];
  /** Reload the watcher after each typing (a page that only shows new data on load). */
  reloadWatcher?: boolean;
}

async function joinDemo(page: Page, nickname: string): Promise<void> {
  await page.locator('#nickname').fill(nickname);
  await page.locator('#join-form button[type="submit"]').click();
}

async function joinPlayground(page: Page, nickname: string): Promise<void> {
  await page.evaluate(() => localStorage.clear());
  await page.locator('#pg-nickname').fill(nickname);
  await page.getByRole('button', { name: 'Join the chat' }).click();
}

const pages: DemoPage[] = [
  { name: 'demo 1', path: '/demos/01-basic-server/', fields: [{ selector: '#name' }] },
  {
    name: 'demo 2',
    path: '/demos/02-forms/',
    fields: [{ selector: '#text' }],
    reloadWatcher: true,
  },
  {
    name: 'sidebar',
    path: '/demos/sidebar-raw-vs-socketio/',
    fields: [{ selector: '#raw-input' }, { selector: '#sio-input' }],
  },
  {
    name: 'demo 3',
    path: '/demos/03-first-socket/',
    fields: [{ selector: '#username', others: { '#message': 'hi' } }, { selector: '#message' }],
  },
  { name: 'demo 4', path: '/demos/04-broadcast-chat/', fields: [{ selector: '#text' }] },
  {
    name: 'demo 5',
    path: '/demos/05-nicknames-presence/',
    join: joinDemo,
    fields: [{ selector: '#nickname', join: true }, { selector: '#text' }],
  },
  {
    name: 'demo 6',
    path: '/demos/06-typing-whispers-rooms/',
    join: joinDemo,
    fields: [
      { selector: '#nickname', join: true },
      { selector: '#text' },
      { selector: '#text', wrap: (payload) => `/w watcher-demo-6 ${payload}` },
    ],
  },
  {
    name: 'demo 7',
    path: '/demos/07-polls-reactions-canvas/',
    join: joinDemo,
    fields: [
      { selector: '#nickname', join: true },
      { selector: '#text' },
      { selector: '#question', others: { '#options': 'yes\nno' } },
      {
        selector: '#options',
        others: { '#question': 'Which?' },
        wrap: (payload) => `${payload}\nother`,
      },
    ],
  },
  {
    name: 'playground',
    path: '/playground/',
    join: joinPlayground,
    fields: [
      { selector: '#pg-nickname', join: true },
      { selector: '#pg-text' },
      { selector: '#pg-question', others: { '#pg-options': 'yes\nno' } },
      {
        selector: '#pg-options',
        others: { '#pg-question': 'Which?' },
        wrap: (payload) => `${payload}\nother`,
      },
    ],
  },
];

let running: RunningCourse;
let browser: Browser;
const totals = { pages: 0, fields: 0, typed: 0, shown: 0, runs: 0, dialogs: 0, violations: 0 };

beforeAll(async () => {
  running = await startCourse({ port: 0, quiet: true });
  browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
  console.log(
    `[security] injection corpus: ${corpus.length} payloads typed into ${totals.fields} text fields ` +
      `of ${totals.pages} pages (${totals.typed} typings; the marker shown back in ${totals.shown}); ` +
      `script runs ${totals.runs}, dialogs ${totals.dialogs}, CSP violations ${totals.violations}.`,
  );
  await browser?.close();
  await running?.close();
});

async function watchedPage(): Promise<WatchedPage & { dialogs: string[] }> {
  const watched = await openPage(browser, { width: 1024, height: 900 });
  await watched.context.addInitScript(detector);
  const dialogs: string[] = [];
  watched.page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return { ...watched, dialogs };
}

/** What ran in a page so far. */
async function damage(page: Page): Promise<{ runs: number; violations: string[]; made: number }> {
  return page.evaluate((selector) => {
    const state = (window as unknown as { __xss?: { runs: number; violations: string[] } }).__xss;
    return {
      runs: state?.runs ?? 0,
      violations: state?.violations ?? [],
      made: document.querySelectorAll(selector).length,
    };
  }, madeFromPayload);
}

async function submit(field: Locator): Promise<void> {
  const tag = await field.evaluate((element) => element.tagName);
  if (tag === 'TEXTAREA') {
    await field.locator('xpath=ancestor::form[1]//button[@type="submit"]').first().click();
  } else {
    await field.press('Enter');
  }
}

/** Waits until `marker` shows in one of the pages; false if it does not within a few seconds. */
async function shownIn(pages: Page[], marker: string): Promise<boolean> {
  const deadline = Date.now() + 4000;
  while (Date.now() < deadline) {
    for (const page of pages) {
      // textContent: the marker may sit in an element the page hides (a collapsed list).
      const text = await page.evaluate(() => document.body?.textContent ?? '').catch(() => '');
      if (text.includes(marker)) return true;
    }
    await pages[0]?.waitForTimeout(100);
  }
  return false;
}

describe('the injection corpus', () => {
  let markers = 0;

  it.each(pages)(
    '$name: no payload runs, in the page that typed it or in the one watching',
    async (spec) => {
      const actor = await watchedPage();
      const watcher = await watchedPage();
      const url = running.url + spec.path;
      const suffix = spec.name.replaceAll(' ', '-');
      totals.pages += 1;
      await watcher.page.goto(url);
      await spec.join?.(watcher.page, `watcher-${suffix}`);
      const problems: string[] = [];
      let joined = false;

      for (const field of spec.fields) {
        totals.fields += 1;
        for (const template of corpus) {
          markers += 1;
          const marker = `k${markers}q`;
          const payload = template.replace('@@', marker);
          if (field.join || !joined) {
            await actor.page.goto(url);
            if (spec.join && !field.join) await spec.join(actor.page, `actor-${suffix}`);
            joined = !field.join;
          }
          const input = actor.page.locator(field.selector);
          await input.waitFor({ state: 'visible' });
          for (const [selector, value] of Object.entries(field.others ?? {})) {
            await actor.page.locator(selector).fill(value);
          }
          // A join starts from no stored identity (the playground keeps a session token).
          if (field.join) await actor.page.evaluate(() => localStorage.clear());
          await input.fill(field.wrap ? field.wrap(payload) : payload);
          await submit(input);
          if (spec.reloadWatcher) await watcher.page.reload();
          totals.typed += 1;
          if (await shownIn([watcher.page, actor.page], marker)) totals.shown += 1;
          for (const [who, page] of [
            ['typing page', actor.page],
            ['watching page', watcher.page],
          ] as const) {
            const found = await damage(page);
            totals.runs += found.runs;
            totals.violations += found.violations.length;
            if (found.runs || found.violations.length || found.made) {
              problems.push(
                `${spec.name} ${field.selector} ${JSON.stringify(payload)} in the ${who}: ` +
                  `${found.runs} script runs, ${found.made} elements made from it, CSP: ${found.violations.join('; ')}`,
              );
            }
          }
        }
      }
      totals.dialogs += actor.dialogs.length + watcher.dialogs.length;
      expect(problems).toEqual([]);
      expect([...actor.dialogs, ...watcher.dialogs]).toEqual([]);
      expect(
        [...actor.errors, ...watcher.errors].filter((error) =>
          /Content Security Policy/.test(error),
        ),
      ).toEqual([]);
      await actor.context.close();
      await watcher.context.close();
    },
  );

  it('notices a payload that does reach the HTML parser, so the silence above means something', async () => {
    const probe = await watchedPage();
    await probe.page.goto(`${running.url}/demos/04-broadcast-chat/`);
    // What a page that used innerHTML would do with the first payload.
    await probe.page.evaluate(
      (html) => {
        document.body.insertAdjacentHTML('beforeend', html);
      },
      corpus[0]!.replace('@@', 'probe'),
    );
    await expect
      .poll(async () => {
        const found = await damage(probe.page);
        return found.made + found.violations.length;
      })
      .toBeGreaterThan(0);
    await probe.context.close();
  });

  it('showed most typings back, so the silence above means something', () => {
    expect(totals.typed).toBeGreaterThan(0);
    expect(totals.shown / totals.typed).toBeGreaterThan(0.5);
  });
});
