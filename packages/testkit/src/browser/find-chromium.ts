import { existsSync } from 'node:fs';

/** Where Debian and Ubuntu put their Chromium, in the order we try them. */
const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/**
 * Finds a Chromium already installed on this machine. We never download a
 * browser: CI installs Debian's `chromium` package, and you can point
 * `CHROMIUM_PATH` at any other Chromium-based browser.
 *
 * @throws Error naming the paths tried and how to install one.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but there is no file there.`);
  }
  const found = candidates.find((path) => existsSync(path));
  if (found) return found;
  throw new Error(
    `No Chromium found (tried ${candidates.join(', ')}). ` +
      'Browser tests use the system Chromium: on Debian/Ubuntu run ' +
      '`sudo apt-get update && sudo apt-get install -y chromium`, ' +
      'or set CHROMIUM_PATH to a Chromium-based browser.',
  );
}
