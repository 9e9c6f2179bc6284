// Goal: the `/about` route renders `views/about.njk`, which extends the same
// layout as the home page, so both pages share the header and navigation.
// Look at step 2 in `src/app.ts`.
import { type RunningApp, startApp } from '@funws/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';

let running: RunningApp<ReturnType<typeof createApp>>;
beforeEach(async () => {
  running = await startApp(createApp);
});
afterEach(async () => {
  await running.close();
});

describe('step 2: the about page', () => {
  it('answers GET /about with 200 and the about page in the shared layout', async () => {
    const response = await fetch(`${running.url}/about`, { signal: AbortSignal.timeout(1000) });
    expect(
      response.status,
      'GET /about should answer 200: is there an app.get("/about") route?',
    ).toBe(200);
    const html = await response.text();
    expect(html, 'the page should come from about.njk').toContain('About this demo');
    expect(html, 'about.njk should extend layout.njk (which has the nav)').toContain(
      '<nav aria-label="Main">',
    );
    expect(html, 'the layout marks the current page in the nav').toContain(
      '<a href="./about" aria-current="page">About</a>',
    );
  });
});
