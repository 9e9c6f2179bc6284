import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A page long enough to be worth compressing (compression skips bodies under 1 KiB). */
export const fixturePage = `<!doctype html><html lang="en"><title>Fixture</title><main>${'<p>Lorem ipsum dolor sit amet.</p>\n'.repeat(200)}</main></html>\n`;
/** A hashed asset, named the way Astro names what it bundles. */
export const hashedAsset = '/_astro/page.Dk3x9QfA.js';
/** A page of the API reference, where an old typedoc address now leads. */
export const apiPage = '/api/server/functions/createchatserver/';

/**
 * A stand-in for `course/dist` with what the serving tests need, so they run
 * without an Astro build: a page, a hashed asset, the favicon, one API page.
 */
export function builtSiteFixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'funws-site-'));
  const file = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  file('index.html', fixturePage);
  file(hashedAsset, `export const greeting = ${JSON.stringify('hello '.repeat(400))};\n`);
  file('favicon.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>');
  file('api/index.html', fixturePage);
  file(`${apiPage}index.html`, fixturePage);
  return dir;
}
