// The cells that do something, in Chromium: "Check my work" runs a real
// exercise's step tests (on a copy, so the committed starter stays as it is)
// and shows each step red with its output and hints; a client cell runs
// edited code against the live demo, where the other pane and the inspector
// see it, and cannot reach the page around it.
import { launchBrowser, openPage, type WatchedPage } from '@funws/testkit/browser';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningCourse, startCourse } from '../server/start.ts';
import { copyExercises, type ExerciseCopy } from './helpers/exercise-copy.ts';

let running: RunningCourse;
let browser: Browser;
let copy: ExerciseCopy;

beforeAll(async () => {
  copy = copyExercises('03-first-socket');
  running = await startCourse({ port: 0, quiet: true, exercisesRoot: copy.root });
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await running?.close();
  copy?.remove();
});

/** Replaces what a client cell's editor holds, as typing would (CodeMirror, once loaded). */
async function replaceCode(reader: WatchedPage, cell: Locator, code: string): Promise<void> {
  await cell.scrollIntoViewIfNeeded();
  await expect.poll(() => cell.getAttribute('data-editor'), { timeout: 10_000 }).toBe('codemirror');
  const content = cell.locator('.cm-content');
  await content.click();
  await reader.page.keyboard.press('ControlOrMeta+A');
  await reader.page.keyboard.press('Delete');
  await reader.page.keyboard.insertText(code);
}

const outputOf = (cell: Locator) => cell.locator('[data-output]').textContent();

describe('Check my work', () => {
  it("runs the exercise's step tests from the page and shows each failing step with its output and a hint", async () => {
    const reader = await openPage(browser, { width: 1280, height: 900 });
    await reader.page.goto(`${running.url}/lessons/03-first-socket/`);
    const exercise = reader.page.locator('[data-exercise="03-first-socket"]');
    await exercise.locator('[data-check]').click();
    await expect
      .poll(() => exercise.locator('[data-check-status]').textContent(), { timeout: 5000 })
      .toMatch(/Running the tests/);
    expect(await exercise.locator('[data-check]').isDisabled()).toBe(true);
    await expect
      .poll(() => exercise.locator('[data-check-status]').textContent(), { timeout: 150_000 })
      .toMatch(/0 of 3 steps pass/);
    for (const step of [1, 2, 3]) {
      const item = exercise.locator(`[data-step="${step}"]`);
      expect(await item.getAttribute('data-result')).toBe('failed');
      expect(await item.locator('.exercise__verdict').textContent()).toContain(
        `Step ${step} fails`,
      );
    }
    const first = exercise.locator('[data-step="1"]');
    expect(await first.locator('.exercise__failure').textContent()).toMatch(/✗/);
    expect(await first.locator('.exercise__pointer').textContent()).toContain(
      'Look for TODO(step 1) in exercises/03-first-socket',
    );
    await first.locator('[data-show-hint]').click();
    expect(await first.locator('[data-hint]').first().isVisible()).toBe(true);
    expect(reader.errors).toEqual([]);
    await reader.context.close();
  }, 180_000);
});

describe('a client cell', () => {
  it('runs edited code against the live demo: the output, the other pane and the inspector all see it', async () => {
    const reader = await openPage(browser, { width: 1280, height: 900 });
    await reader.page.goto(`${running.url}/lessons/04-broadcast-chat/`);
    const bob = reader.page.frameLocator('[data-live-demo] [data-pane="bob"] iframe');
    await bob.getByText('Connected', { exact: true }).waitFor();
    const cell = reader.page.locator('[data-client-cell="04-broadcast-chat"]');
    const original = await cell.getAttribute('data-code');
    const text = `edited in the cell ${Date.now()}`;
    await replaceCode(
      reader,
      cell,
      `const ack = await socket.emitWithAck('send_message', { text: '${text}' });\nlog('ack', ack);`,
    );
    await cell.locator('[data-run]').click();
    await expect.poll(() => outputOf(cell), { timeout: 10_000 }).toContain('ack {"ok":true}');
    await expect
      .poll(() => bob.locator('#messages').textContent(), { timeout: 5000 })
      .toContain(text);
    const inspector = reader.page.locator('[data-live-demo] [data-log]');
    await expect.poll(() => inspector.textContent(), { timeout: 5000 }).toContain(text);
    // The cell is a connection of its own: neither Alice's nor Bob's.
    const row = inspector.locator('tr', { hasText: 'send_message' }).filter({ hasText: text });
    expect(await row.locator('.inspector__who').textContent()).not.toMatch(/Alice|Bob/);

    // A refused payload: the acknowledgement says why, in the output.
    await replaceCode(reader, cell, "log(await socket.emitWithAck('send_message', { text: '' }));");
    await cell.locator('[data-run]').click();
    await expect.poll(() => outputOf(cell), { timeout: 10_000 }).toContain('invalid_payload');
    await expect.poll(() => cell.locator('[data-status]').textContent()).toMatch(/^Done\./);

    // Code that throws: the error in the output, and a status that says so rather than "Done".
    await replaceCode(reader, cell, "log('before');\nthrow new Error('boom');");
    await cell.locator('[data-run]').click();
    await expect.poll(() => outputOf(cell), { timeout: 10_000 }).toContain('boom');
    await expect
      .poll(() => cell.locator('[data-status]').textContent())
      .toMatch(/^Your code stopped with an error/);

    await cell.locator('[data-reset]').click();
    await expect
      .poll(() => cell.locator('.cm-content').textContent())
      .toBe(original?.replace(/\n/g, ''));
    expect(await cell.locator('[data-output] li').count()).toBe(0);
    expect(reader.errors).toEqual([]);
    await reader.context.close();
  }, 60_000);

  it('cannot read the page around it, its storage or cookies, nor call the course server', async () => {
    const reader = await openPage(browser, { width: 1280, height: 900 });
    await reader.page.goto(`${running.url}/lessons/03-first-socket/`);
    await reader.page.evaluate(() => {
      localStorage.setItem('secret', 'parent-secret');
      // biome-ignore lint/suspicious/noDocumentCookie: a cookie for the sandbox to fail to read
      document.cookie = 'secret=parent-cookie';
    });
    const cell = reader.page.locator('[data-client-cell="03-first-socket"]');
    await replaceCode(
      reader,
      cell,
      [
        'const tries = {',
        '  parent: () => window.parent.document.title,',
        '  top: () => window.top.location.href,',
        '  cookie: () => document.cookie,',
        '  storage: () => localStorage.getItem("secret"),',
        '  server: () => fetch("/cells/token", { method: "POST" }).then((r) => r.status),',
        '};',
        'for (const [name, attempt] of Object.entries(tries)) {',
        '  try { log(name, "READ", await attempt()); } catch (error) { log(name, "blocked", error.name); }',
        '}',
        'log("origin", window.origin);',
      ].join('\n'),
    );
    await cell.locator('[data-run]').click();
    await expect.poll(() => outputOf(cell), { timeout: 10_000 }).toContain('origin null');
    const output = (await outputOf(cell)) ?? '';
    for (const name of ['parent', 'top', 'cookie', 'storage', 'server']) {
      expect(output, `${name} was read from the sandbox`).toContain(`${name} blocked`);
    }
    expect(output).not.toContain('READ');
    expect(output).not.toContain('parent-secret');
    expect(output).not.toContain('parent-cookie');
    await reader.context.close();
  }, 60_000);
});
