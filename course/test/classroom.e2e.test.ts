// Classroom mode in Chromium: two students (behind relays that make them
// 127.0.0.2 and 127.0.0.3 to the server) join with the code and draw on demo
// 7's shared canvas; the instructor, on 127.0.0.1, presses "Clear canvas" on
// the dashboard, and both students' canvases go blank.
import { rmSync } from 'node:fs';
import {
  canvasPixel,
  drawOnCanvas,
  launchBrowser,
  openPage,
  type WatchedPage,
} from '@funws/testkit/browser';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningClassroom, startClassroom } from '../server/classroom/start-classroom.ts';
import { builtSiteFixture } from './built-site-fixture.ts';
import { type StudentRelay, startStudentRelay } from './helpers/student-relay.ts';

const code = 'E2EK7Q';
const demo = '07-polls-reactions-canvas';
let classroom: RunningClassroom;
let browser: Browser;
const relays: StudentRelay[] = [];
const pages: WatchedPage[] = [];
const siteDir = builtSiteFixture();

beforeAll(async () => {
  classroom = await startClassroom({
    host: '127.0.0.1',
    port: 0,
    build: false,
    siteDir,
    code,
    env: {},
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  for (const relay of relays) await relay.close();
  await classroom?.close();
  rmSync(siteDir, { recursive: true, force: true });
});

async function open(url: string): Promise<WatchedPage> {
  const watched = await openPage(browser);
  pages.push(watched);
  watched.page.setDefaultTimeout(10_000);
  await watched.page.goto(url);
  return watched;
}

/** A student's page on demo 7, joined with the class code and a nickname. */
async function studentOnDemo(address: string, nickname: string): Promise<WatchedPage> {
  const relay = await startStudentRelay(classroom.port, address);
  relays.push(relay);
  const student = await open(`${relay.url}/demos/${demo}/`);
  // Without the code, the join page is all there is.
  await student.page.getByRole('heading', { name: 'Join the class' }).waitFor();
  await student.page.fill('input[name="code"]', code.toLowerCase());
  await student.page.press('input[name="code"]', 'Enter');
  await student.page.waitForURL(`${relay.url}/`);
  // The join page came with 401 (and so did the favicon): Chromium logs those
  // as errors. What matters from here on is the demo's own page.
  student.errors.length = 0;
  await student.page.goto(`${relay.url}/demos/${demo}/`);
  await student.page.locator('#connection[data-state="connected"]').waitFor();
  await student.page.fill('#nickname', nickname);
  await student.page.press('#nickname', 'Enter');
  await student.page.locator('#message-form').waitFor({ state: 'visible' });
  return student;
}

describe('classroom mode in Chromium', () => {
  it('lets the instructor clear a canvas that two students see', async () => {
    const ada = await studentOnDemo('127.0.0.2', 'Ada');
    const grace = await studentOnDemo('127.0.0.3', 'Grace');

    await drawOnCanvas(ada.page, '#canvas', [
      [0.2, 0.5],
      [0.5, 0.5],
      [0.8, 0.5],
    ]);
    for (const page of [ada.page, grace.page]) {
      await expect
        .poll(async () => (await canvasPixel(page, '#canvas', [0.5, 0.5]))[3], { timeout: 5000 })
        .toBe(255);
    }

    const instructor = await open(`${classroom.url}/instructor`);
    const row = instructor.page.locator(`#demos tr[data-demo="${demo}"]`);
    await row.getByText('Ada').waitFor();
    await row.getByRole('button', { name: 'Clear canvas' }).click();
    await instructor.page.locator('#status', { hasText: 'clear_canvas sent' }).waitFor();

    for (const page of [ada.page, grace.page]) {
      await page.locator('#canvas-status', { hasText: 'Instructor cleared' }).waitFor();
      expect((await canvasPixel(page, '#canvas', [0.5, 0.5]))[3]).toBe(0);
    }

    // Ada writes; then the instructor clears demo 7's chat. Both pages
    // reconnect by themselves, rejoin under their nicknames, and talk on.
    await ada.page.fill('#text', 'before the clear');
    await ada.page.press('#text', 'Enter');
    await grace.page.locator('#messages', { hasText: 'before the clear' }).waitFor();
    await row.getByRole('button', { name: 'Clear chat' }).click();
    await instructor.page.locator('#status', { hasText: 'starts afresh' }).waitFor();
    for (const page of [ada.page, grace.page]) {
      await page
        .locator('#messages', { hasText: 'before the clear' })
        .waitFor({ state: 'detached' });
    }
    await grace.page.fill('#text', 'after the clear');
    await grace.page.press('#text', 'Enter');
    await ada.page.locator('#messages', { hasText: 'after the clear' }).waitFor();
    expect(await ada.page.locator('#messages').textContent()).not.toContain('before the clear');
    expect(pages.flatMap((watched) => watched.errors)).toEqual([]);
  });

  it('lets the instructor unmute a student who has left, on a phone-sized dashboard', async () => {
    const linus = await studentOnDemo('127.0.0.5', 'Linus');
    const instructor = await openPage(browser, { width: 360, height: 740 });
    pages.push(instructor);
    instructor.page.setDefaultTimeout(10_000);
    await instructor.page.goto(`${classroom.url}/instructor`);
    const row = instructor.page.locator(`#demos tr[data-demo="${demo}"]`);
    await row.locator('.nick', { hasText: 'Linus' }).getByRole('button', { name: 'Mute' }).click();
    await instructor.page.locator('#status', { hasText: 'Linus is muted' }).waitFor();

    // Linus leaves: his row goes, and the muted list is where he can be unmuted.
    await linus.context.close();
    await row.getByText('Linus').waitFor({ state: 'detached' });
    const muted = instructor.page.locator('#muted li', { hasText: 'Linus' });
    await muted.getByRole('button', { name: 'Unmute' }).click();
    await instructor.page.locator('#status', { hasText: 'Linus is no longer muted' }).waitFor();
    await muted.waitFor({ state: 'detached' });

    const sideways = await instructor.page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(sideways, 'the dashboard scrolls sideways at 360 px').toBe(0);
  });

  it('refuses the dashboard to a student who has joined', async () => {
    const relay = await startStudentRelay(classroom.port, '127.0.0.4');
    relays.push(relay);
    const student = await open(`${relay.url}/join?code=${code}`);
    await student.page.waitForURL(`${relay.url}/`);
    const response = await student.page.goto(`${relay.url}/instructor`);
    expect(response?.status()).toBe(403);
    expect(await student.page.textContent('body')).toContain('for the instructor only');
  });
});
