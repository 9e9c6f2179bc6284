import { createHash } from 'node:crypto';
import { type Dirent, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RequestHandler } from 'express';
import helmet from 'helmet';

/** The `'sha256-…'` sources of every inline `<script>` and `<style>` of the built site. */
export interface InlineHashes {
  scripts: string[];
  styles: string[];
}

/**
 * Hashes every inline script and style element in the HTML files under `dir`
 * (the built site, `/api/` included). Starlight and Astro inline small
 * scripts (the theme picker must run before the first paint, or a dark-mode
 * reader sees a white flash) and a few style blocks; listing their hashes
 * lets exactly those run, where `'unsafe-inline'` would let any injected
 * script run too.
 *
 * @example
 * const hashes = inlineHashes(distDir); // { scripts: ["'sha256-…'", …], styles: [...] }
 */
export function inlineHashes(dir: string): InlineHashes {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  for (const file of htmlFiles(dir)) {
    const html = readFileSync(file, 'utf8');
    for (const match of html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
      scripts.add(sha256(match[1] ?? ''));
    }
    for (const match of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)) {
      styles.add(sha256(match[1] ?? ''));
    }
  }
  return { scripts: [...scripts].sort(), styles: [...styles].sort() };
}

function htmlFiles(dir: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return htmlFiles(path);
    return entry.name.endsWith('.html') ? [path] : [];
  });
}

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * The course pages' headers, set by helmet, with a Content Security Policy
 * that lets the course work and nothing else run:
 *
 * - `script-src 'self'` plus the hash of each inline script of the built site
 *   (see {@link inlineHashes}), and `'wasm-unsafe-eval'`, which Pagefind (the
 *   search) needs to compile its WebAssembly index reader; it allows no `eval`
 *   of JavaScript;
 * - `style-src 'self'` plus the hash of each inline `<style>` block;
 * - `style-src-attr 'unsafe-inline'`: style *attributes*. Expressive Code
 *   colours every token of every code block with one (`style="--0:#82AAFF"`,
 *   thousands per lesson), Starlight sizes icons with them, and a live demo
 *   sets its pane height with one. Listing each by hash would take thousands of
 *   hashes; an attribute cannot run a script, and user text never becomes
 *   markup here (it goes in with `textContent`), so none can be injected;
 * - `frame-src 'self'` for the live demos' panes, `connect-src 'self'` for the
 *   inspector's event stream, the playground's and the lab's sockets, and the
 *   search index; `frame-ancestors 'self'`, `object-src 'none'`, `base-uri` and
 *   `form-action` `'self'`.
 *
 * As in the demos, no `Strict-Transport-Security` and no
 * `upgrade-insecure-requests`: the course speaks plain HTTP.
 *
 * @example
 * app.use(courseSecurityHeaders(inlineHashes(distDir)));
 */
export function courseSecurityHeaders(hashes: InlineHashes): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'wasm-unsafe-eval'", ...hashes.scripts],
        styleSrc: ["'self'", ...hashes.styles],
        styleSrcAttr: ["'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameSrc: ["'self'"],
        frameAncestors: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: false,
  }) as RequestHandler;
}
