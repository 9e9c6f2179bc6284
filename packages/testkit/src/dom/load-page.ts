import { readFileSync } from 'node:fs';
import { fileURLToPath, URL as NodeURL } from 'node:url';

/**
 * Puts a page's `<body>` (and its `<title>` and `lang`) into the test's DOM,
 * so browser code is tested against the real markup rather than a copy.
 * Scripts are left out: the test imports the browser modules it wants itself.
 * Needs the happy-dom environment (`// @vitest-environment happy-dom` on the
 * first line of the test file).
 *
 * Pass the path relative to the test file and `import.meta.url`: under
 * happy-dom, `new URL('../public/index.html', import.meta.url)` resolves
 * against the fake page's http://localhost:3000 instead of the file.
 *
 * @throws Error when given a URL that is not a file: URL.
 *
 * @example
 * // @vitest-environment happy-dom
 * loadPage('../public/index.html', import.meta.url);
 * byLabel('Message'); // the input the page labels "Message"
 */
export function loadPage(file: string | URL, base?: string): HTMLElement {
  const html = readFileSync(toPath(file, base), 'utf8');
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  for (const script of parsed.querySelectorAll('script')) script.remove();
  document.title = parsed.title;
  const lang = parsed.documentElement.getAttribute('lang');
  if (lang) document.documentElement.setAttribute('lang', lang);
  document.body.replaceChildren(
    ...Array.from(parsed.body.childNodes, (node) => document.importNode(node, true)),
  );
  return document.body;
}

function toPath(file: string | URL, base: string | undefined): string {
  if (typeof file === 'string' && base === undefined) return file;
  const url = new NodeURL(String(file), base);
  if (url.protocol !== 'file:') {
    throw new Error(
      `loadPage needs a file, but got ${url.href}. Write loadPage('../public/index.html', import.meta.url).`,
    );
  }
  return fileURLToPath(url);
}
