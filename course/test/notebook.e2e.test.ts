// The lessons as notebooks, in Chromium: each fits the page budget, a demo
// lesson opens with its live demo, no open cell is a wall of code, the answer
// to an exercise step is neither on screen nor findable by search until asked
// for, old lesson addresses still lead somewhere, and the live demos have
// room: demo 7's canvas fits its panes, the inspector reads at 360 px.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { demos, lessonRedirects, lessons } from '@funws/catalogue';
import { findRegions, replaceRegions, stepCode } from '@funws/cli/regions';
import { launchBrowser, openPage, type WatchedPage } from '@funws/testkit/browser';
import type { Browser, FrameLocator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distDir, repoDir } from '../server/build.ts';
import { type RunningCourse, startCourse } from '../server/start.ts';
import { maxCellLines } from '../src/lib/code-view.ts';

/** Every lesson page, at 1280 px wide with nothing expanded, is at most this tall. */
const pageBudgetPx = 10_000;

let running: RunningCourse;
let browser: Browser;
let desk: WatchedPage;

beforeAll(async () => {
  running = await startCourse({ port: 0, quiet: true });
  browser = await launchBrowser();
  desk = await openPage(browser, { width: 1280, height: 900 });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await running?.close();
});

const lessonPaths = lessons.map((slug) => `/lessons/${slug}/`);

/** Every file of a solution's `src/` that may hold step regions. */
function sourceFiles(folder: string): string[] {
  const files: string[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (/\.(ts|html|css)$/.test(entry.name)) files.push(path);
    }
  };
  visit(join(repoDir, 'solutions', folder, 'src'));
  return files;
}

/**
 * Every line a learner may see without asking: each solution file as its
 * exercise gives it (answers replaced by TODO lines). A line of an answer that
 * is also one of these (demo 5 gives away what was demo 4's step 2) is no secret.
 */
const visibleLines = new Set(
  demos.flatMap((demo) =>
    sourceFiles(demo.folder).flatMap((path) =>
      replaceRegions(readFileSync(path, 'utf8'), path)
        .text.split('\n')
        .map((line) => line.trim()),
    ),
  ),
);

/** A line of each step's answer that only the answer has: its longest such line. */
function answerLines(folder: string): Array<{ step: number; line: string }> {
  const found: Array<{ step: number; line: string }> = [];
  for (const path of sourceFiles(folder)) {
    const text = readFileSync(path, 'utf8');
    for (const step of new Set(findRegions(text, path).map((region) => region.step))) {
      const longest = stepCode(text, path, step)
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line.length > 12 && !line.startsWith('//') && !visibleLines.has(line))
        .sort((a, b) => b.length - a.length)[0];
      if (longest) found.push({ step, line: longest });
    }
  }
  return found.sort((a, b) => a.step - b.step);
}

describe('every lesson as a notebook', () => {
  it(`fits in ${pageBudgetPx} px at 1280 px wide with nothing expanded`, async () => {
    const heights: string[] = [];
    const over: string[] = [];
    for (const path of lessonPaths) {
      await desk.page.goto(running.url + path, { waitUntil: 'load' });
      const height = await desk.page.evaluate(() => document.documentElement.scrollHeight);
      heights.push(`${path} ${height}`);
      if (height > pageBudgetPx) over.push(`${path} is ${height} px tall`);
    }
    console.log(`Lesson heights at 1280 px:\n  ${heights.join('\n  ')}`);
    expect(over).toEqual([]);
  }, 120_000);

  it('opens each demo lesson with its live demo, before any section', async () => {
    for (const demo of demos) {
      await desk.page.goto(`${running.url}/lessons/${demo.lesson}/`);
      const order = await desk.page.evaluate(() => {
        const live = document.querySelector('[data-live-demo]');
        const heading = document.querySelector('.sl-markdown-content h2');
        return live && heading
          ? live.compareDocumentPosition(heading) & Node.DOCUMENT_POSITION_FOLLOWING
          : 0;
      });
      expect(order, `the live demo comes first in ${demo.lesson}`).not.toBe(0);
    }
  }, 60_000);

  it(`shows no open code cell longer than ${maxCellLines} lines`, async () => {
    const long: string[] = [];
    for (const path of lessonPaths) {
      await desk.page.goto(running.url + path);
      const cells = await desk.page.evaluate(() =>
        [...document.querySelectorAll('.sl-markdown-content .expressive-code')]
          .filter((cell) => !cell.closest('details'))
          .map((cell) => ({
            title: cell.querySelector('.title')?.textContent ?? '',
            lines: cell.querySelectorAll('.ec-line').length,
          })),
      );
      for (const cell of cells) {
        if (cell.lines > 25) long.push(`${path} "${cell.title}": ${cell.lines} lines`);
      }
    }
    expect(long).toEqual([]);
  }, 60_000);

  it("keeps every step's answer off the screen until asked, and shows it when asked", async () => {
    for (const demo of demos) {
      await desk.page.goto(`${running.url}/lessons/${demo.lesson}/`);
      const answers = answerLines(demo.folder);
      expect(answers.length, `${demo.folder} has step regions`).toBeGreaterThan(1);
      // innerText, not textContent: only what is rendered, so closed <details> and hidden hints are left out.
      // biome-ignore lint/performance/useDomNodeTextContent: what is on screen is the point
      const shown = await desk.page.evaluate(() => document.body.innerText.replace(/\s+/g, ' '));
      for (const { step, line } of answers) {
        expect(shown, `step ${step} of ${demo.folder} on screen: ${line}`).not.toContain(line);
      }
      const reveal = desk.page.locator('[data-step-solution]').first();
      await reveal.locator('summary').click();
      await expect.poll(() => reveal.locator('.expressive-code').isVisible()).toBe(true);
    }
  }, 60_000);

  it("finds a lesson's own words with search, and never a line of a step's answer", async () => {
    await desk.page.goto(`${running.url}/lessons/04-broadcast-chat/`);
    // Pagefind's own API, as the search box uses it. Passed as a string: this
    // file is compiled for Node, and its import() would be rewritten.
    const search = (term: string) =>
      desk.page.evaluate(
        `(async () => {
          const pagefind = await import(location.origin + '/pagefind/pagefind.js');
          const found = await pagefind.search(${JSON.stringify(term)});
          return Promise.all(found.results.map((result) => result.data()));
        })()`,
      ) as Promise<Array<{ url: string; content: string }>>;
    const squash = (text: string) => text.replace(/\s+/g, '');
    // A control: a line a teaching cell does show is found, on its lesson.
    const shownLine = 'TODO(step 2): Broadcast the message to every connected client';
    const control = await search('Broadcast the message to every connected client');
    expect(
      control.some(
        (page) =>
          page.url.includes('/lessons/04-broadcast-chat/') &&
          squash(page.content).includes(squash(shownLine)),
      ),
    ).toBe(true);
    let searched = 0;
    let answered = 0;
    for (const demo of demos) {
      for (const { step, line } of answerLines(demo.folder)) {
        const word = line.match(/[A-Za-z_]{4,}/g)?.sort((a, b) => b.length - a.length)[0] ?? line;
        const pages = await search(word);
        searched++;
        if (pages.length > 0) answered++;
        for (const page of pages) {
          expect(
            squash(page.content),
            `search "${word}" finds step ${step} of ${demo.folder} on ${page.url}`,
          ).not.toContain(squash(line));
        }
      }
    }
    console.log(
      `Searched the rarest word of ${searched} step answers: ${answered} searches found pages, none with the answer's line.`,
    );
  }, 120_000);
});

describe('old lesson addresses', () => {
  it('lead to the lesson in the static build too (Astro redirects, as npm run dev serves them)', () => {
    for (const { from, to } of lessonRedirects()) {
      const page = join(distDir, from, 'index.html');
      expect(existsSync(page), `${page}`).toBe(true);
      expect(readFileSync(page, 'utf8')).toContain(`url=${to}`);
    }
  });

  it('lead to the lesson when a learner follows one in the browser', async () => {
    await desk.page.goto(`${running.url}/lessons/06-broadcast-chat/`);
    expect(new URL(desk.page.url()).pathname).toBe('/lessons/04-broadcast-chat/');
    expect(await desk.page.locator('h1').textContent()).toContain('Demo 4');
  });
});

async function joinPane(frame: FrameLocator, nickname: string): Promise<void> {
  await frame.locator('#nickname').fill(nickname);
  await frame.locator('#join-form button[type="submit"]').click();
  await expect.poll(() => frame.locator('#message-form').isVisible(), { timeout: 5000 }).toBe(true);
}

describe('room to play', () => {
  it("shows demo 7's whole canvas in both panes at 1280 px", async () => {
    await desk.page.goto(`${running.url}/lessons/07-polls-reactions-canvas/`);
    for (const [pane, name] of [
      ['alice', 'Alice7'],
      ['bob', 'Bob7'],
    ] as const) {
      const frame = desk.page.frameLocator(`[data-pane="${pane}"] iframe`);
      await joinPane(frame, name);
      const fit = await frame.locator('#canvas').evaluate((canvas) => {
        const box = canvas.getBoundingClientRect();
        const board = canvas.closest('.board')?.getBoundingClientRect();
        return {
          box: { top: box.top, bottom: box.bottom, width: box.width },
          inside:
            box.top >= 0 && box.bottom <= innerHeight && (!board || box.bottom <= board.bottom + 1),
        };
      });
      expect(fit.inside, `${pane}'s canvas ${JSON.stringify(fit.box)} fits its pane`).toBe(true);
      expect(fit.box.width).toBeGreaterThan(250);
    }
  }, 30_000);

  it('shows the inspector at 360 px without sideways scrolling, long packets wrapped', async () => {
    const phone = await openPage(browser, { width: 360, height: 740 });
    await phone.page.goto(`${running.url}/lessons/04-broadcast-chat/`);
    const alice = phone.page.frameLocator('[data-pane="alice"] iframe');
    const text = `a-long-message-${'without-any-space-'.repeat(12)}end`;
    await alice.locator('#text').fill(text);
    await alice.locator('#message-form button[type="submit"]').click();
    const inspector = phone.page.locator('[data-live-demo] .inspector');
    await expect
      .poll(() => inspector.locator('[data-log]').textContent(), { timeout: 5000 })
      .toContain(text);
    const layout = await inspector.evaluate((element, long) => {
      const scroll = element.querySelector<HTMLElement>('.inspector__scroll')!;
      const row = [...element.querySelectorAll<HTMLElement>('[data-log] tr')].find((tr) =>
        tr.textContent?.includes(long),
      )!;
      const lineHeight = Number.parseFloat(getComputedStyle(row).lineHeight) || 16;
      return {
        page: document.documentElement.scrollWidth,
        sideways: scroll.scrollWidth - scroll.clientWidth,
        rowLines: row.getBoundingClientRect().height / lineHeight,
      };
    }, text);
    expect(layout.page).toBeLessThanOrEqual(360);
    expect(layout.sideways, 'the inspector scrolls sideways').toBeLessThanOrEqual(1);
    expect(layout.rowLines, 'the long packet wraps onto several lines').toBeGreaterThan(2);
    expect(phone.errors).toEqual([]);
    await phone.context.close();
  }, 30_000);
});
