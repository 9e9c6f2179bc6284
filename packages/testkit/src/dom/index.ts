/**
 * DOM helpers for tests of browser code: under happy-dom
 * (`// @vitest-environment happy-dom`), load a demo's real page, find fields
 * the way a user does (by label), read what a user reads, type and submit;
 * or, for a test of one rendering function, just a `document` (`useDocument`).
 *
 * @module
 */
export { pressKey, submit, typeInto } from './events.ts';
export { loadPage } from './load-page.ts';
export { byLabel, find, findAll, textOf, textsOf } from './queries.ts';
export { useDocument } from './use-document.ts';
