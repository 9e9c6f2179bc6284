import { parseHTML } from 'linkedom';
import { afterAll, beforeAll } from 'vitest';

/** The globals a rendering function reaches for: `document.createElement(…)`, now and then `window`. */
const globalNames = ['window', 'document'] as const;

/**
 * Gives the tests of one file an empty page's `document` (and `window`), so
 * browser code that builds elements, such as `renderMessage`, runs as it
 * does in the page. Call it once, at the top of the file.
 *
 * The document is linkedom's, a small DOM that parses HTML as a browser does:
 * `innerHTML = '<img src=x>'` really creates an `<img>`, so a test can still
 * tell `textContent` from `innerHTML`. It loads in about a third of the time
 * of the happy-dom environment, and a learner's step test loads on every
 * save. A test that loads the whole page, types and submits wants a fuller
 * browser: `// @vitest-environment happy-dom` and `loadPage`.
 *
 * After the file's tests, the globals are put back as they were, because
 * the files of a run share one worker.
 *
 * @example
 * useDocument();
 * it('shows the text', () => {
 *   expect(renderMessage(message).textContent).toContain('hello');
 * });
 */
export function useDocument(): void {
  const saved = new Map<string, PropertyDescriptor | undefined>();
  beforeAll(() => {
    const page = parseHTML('<!doctype html><html lang="en"><head></head><body></body></html>');
    for (const name of globalNames) {
      saved.set(name, Object.getOwnPropertyDescriptor(globalThis, name));
      Object.defineProperty(globalThis, name, {
        value: page[name],
        configurable: true,
        writable: true,
      });
    }
  });
  afterAll(() => {
    for (const [name, descriptor] of saved) {
      if (descriptor) Object.defineProperty(globalThis, name, descriptor);
      else Reflect.deleteProperty(globalThis, name);
    }
    saved.clear();
  });
}
