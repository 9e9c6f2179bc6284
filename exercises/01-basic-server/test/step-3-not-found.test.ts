// Goal: any path without a route gets a friendly 404 page, with status 404 and
// the same layout as every other page (not Express's bare "Cannot GET").
// Look at step 3 in `src/app.ts`: a last `app.use(…)` that runs when nothing else answered.
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

describe('step 3: the 404 page', () => {
  it('answers an unknown path with status 404 and the not-found page in the layout', async () => {
    const response = await fetch(`${running.url}/no-such-page`, {
      signal: AbortSignal.timeout(1000),
    });
    expect(response.status, 'an unknown path should answer 404').toBe(404);
    const html = await response.text();
    expect(html, 'render not-found.njk (it says "Page not found")').toContain('Page not found');
    expect(html, 'not-found.njk should extend layout.njk (which has the nav)').toContain(
      '<nav aria-label="Main">',
    );
  });
});
