// Everything else demo 1 promises: escaping, static files, safety headers, and
// relative links that keep working under a prefix.
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

const get = (path: string) => fetch(`${running.url}${path}`, { signal: AbortSignal.timeout(2000) });

describe('escaping', () => {
  it('escapes a <script> in ?name= so it shows as text', async () => {
    const payload = '<script>alert(1)</script>';
    const html = await (await get(`/?name=${encodeURIComponent(payload)}`)).text();
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain(payload);
  });

  it('escapes quotes, so ?name= cannot break out of the input value attribute', async () => {
    const html = await (
      await get(`/?name=${encodeURIComponent('"><img src=x onerror=alert(1)>')}`)
    ).text();
    expect(html).toContain('value="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"');
    expect(html).not.toContain('<img');
  });

  it('escapes the path shown on the 404 page', async () => {
    const html = await (await get('/%3Cb%3Ebold%3C%2Fb%3E')).text();
    expect(html).not.toContain('<b>bold</b>');
  });

  it('ignores a repeated ?name= instead of failing', async () => {
    const response = await get('/?name=a&name=b');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<h1>Hello!</h1>');
  });

  it('keeps a long name to 100 characters', async () => {
    const html = await (await get(`/?name=${'x'.repeat(150)}`)).text();
    expect(html).toContain(`<span class="name">${'x'.repeat(100)}</span>`);
    expect(html).not.toContain('x'.repeat(101));
  });
});

describe('static files and headers', () => {
  it('serves public/style.css as text/css', async () => {
    const response = await get('/style.css');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/css/);
  });

  it('sends HTML pages as text/html with a Content Security Policy', async () => {
    const response = await get('/about');
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('x-powered-by')).toBeNull();
  });
});

describe('relative links', () => {
  it('links the stylesheet and the nav relatively on top-level pages', async () => {
    const html = await (await get('/about')).text();
    expect(html).toContain('<link rel="stylesheet" href="./style.css">');
    expect(html).toContain('href="./"');
    expect(html).toContain('href="./about"');
    expect(html).not.toMatch(/href="\//);
  });

  it('climbs back to the top with ../ on a deeper 404 page', async () => {
    const response = await get('/a/b/c');
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain('<link rel="stylesheet" href="../../style.css">');
    expect(html).toContain('href="../../about"');
  });
});
