// Goal: the `/` route renders the home template from `views/home.njk` inside the
// shared layout, and greets the visitor named in `?name=`. Look at step 1 in
// `src/app.ts`: `app.get('/', …)` and `response.render('home.njk', { … })`.
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

describe('step 1: the home page', () => {
  it('answers GET / with 200 and the home page in the layout', async () => {
    const response = await fetch(`${running.url}/`, { signal: AbortSignal.timeout(1000) });
    expect(response.status, 'GET / should answer 200: is there an app.get("/") route?').toBe(200);
    const html = await response.text();
    expect(html, 'the page should come from home.njk (it says "Hello")').toContain('Hello');
    expect(html, 'home.njk should extend layout.njk (which has the nav)').toContain(
      '<nav aria-label="Main">',
    );
  });

  it('greets the visitor named in ?name=', async () => {
    const response = await fetch(`${running.url}/?name=Ada`, { signal: AbortSignal.timeout(1000) });
    expect(response.status, 'GET /?name=Ada should answer 200').toBe(200);
    expect(await response.text(), 'pass `name` from request.query to the template').toContain(
      'Hello, <span class="name">Ada</span>',
    );
  });
});
