/**
 * Browser-test helpers: Debian's Chromium through playwright-core, never a
 * downloaded browser.
 *
 * @module
 */
export { bundleForBrowser } from './bundle.ts';
export { type CanvasPoint, canvasPixel, drawOnCanvas } from './canvas.ts';
export { findChromium } from './find-chromium.ts';
export type { WatchedPage } from './launch.ts';
export { launchBrowser, openPage } from './launch.ts';
