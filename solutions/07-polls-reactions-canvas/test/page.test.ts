// The HTTP side: the page, its CSS and its browser code, with the security headers.
import { readFile } from 'node:fs/promises';
import { startApp } from '@funws/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';

let running: Awaited<ReturnType<typeof startApp>>;
beforeAll(async () => {
  running = await startApp(createApp);
});
afterAll(async () => {
  await running.close();
});

describe('the page', () => {
  it('serves index.html with a Content Security Policy that allows scripts from this server only', async () => {
    const response = await fetch(`${running.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await response.text()).toContain('<script type="module" src="js/main.js">');
  });

  it('serves the browser code bundled from src/client/main.ts', async () => {
    const response = await fetch(`${running.url}/js/main.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
  });

  it('uses only relative URLs, so it also works under a prefix', async () => {
    const html = await readFile(new URL('../public/index.html', import.meta.url), 'utf8');
    expect(html).not.toMatch(/(?:src|href)="\//);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)/);
    expect(html).not.toMatch(/\sstyle=|\son[a-z]+=/);
  });
});
