import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Builds what `npm start` serves when it is missing or older than its
 * sources: the Astro site into `course/dist/`, the library's API reference
 * included (starlight-typedoc, see server/api-reference.mjs).
 */

export const courseDir = fileURLToPath(new URL('../', import.meta.url));
export const repoDir = join(courseDir, '..');
export const distDir = join(courseDir, 'dist');
/** Written after a successful build; astro empties dist/ first, so a failed build leaves none. */
const stampFile = join(distDir, '.funws-build');

const require = createRequire(import.meta.url);

/** Folders whose files go into the site: its own sources and the files lessons show. */
function siteSources(): string[] {
  return [
    join(courseDir, 'src'),
    join(courseDir, 'public'),
    join(courseDir, 'astro.config.mjs'),
    join(repoDir, 'packages', 'catalogue', 'catalogue.json'),
    join(courseDir, 'server', 'integration.mjs'),
    join(courseDir, 'server', 'api-reference.mjs'),
    join(courseDir, 'server', 'typedoc-site-pages.mjs'),
    join(repoDir, 'solutions'),
    // The library: its sources for the playground and the API reference, and
    // the typedoc settings the reference is built with.
    join(repoDir, 'packages', 'chat', 'src'),
    join(repoDir, 'packages', 'chat', 'typedoc.json'),
    // Of the exercises, only what the Exercise cell reads: a learner's edits to
    // src/ must not trigger a rebuild.
    ...exerciseDirs().flatMap((dir) =>
      ['README.md', 'hints.md', 'test'].map((name) => join(dir, name)),
    ),
  ];
}

function exerciseDirs(): string[] {
  const root = join(repoDir, 'exercises');
  try {
    return readdirSync(root, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => join(root, entry.name));
  } catch {
    return [];
  }
}

/** The newest modification time under `paths` (node_modules, dist and dotfiles skipped). */
export function newestMtime(paths: string[]): number {
  let newest = 0;
  const visit = (path: string) => {
    let info: ReturnType<typeof statSync>;
    try {
      info = statSync(path);
    } catch {
      return;
    }
    if (info.isDirectory()) {
      for (const name of readdirSync(path)) {
        if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
        visit(join(path, name));
      }
    } else if (info.mtimeMs > newest) {
      newest = info.mtimeMs;
    }
  };
  for (const path of paths) visit(path);
  return newest;
}

/** Why the site needs building, or undefined when dist/ is current. */
export function siteBuildReason(): string | undefined {
  if (!existsSync(stampFile)) return 'course/dist is missing';
  const built = statSync(stampFile).mtimeMs;
  if (newestMtime(siteSources()) > built) return 'the sources changed since the last build';
  // A site built with a test runner's environment has Starlight's search turned off.
  const notFound = join(distDir, '404.html');
  if (
    existsSync(notFound) &&
    readFileSync(notFound, 'utf8').includes('only available in production')
  ) {
    return 'the last build was a development build';
  }
  return undefined;
}

export interface BuildOptions {
  /** Rebuild even when dist/ looks current. */
  force?: boolean;
  /** Print the build's output only when it fails (tests). Default false: show it live. */
  quiet?: boolean;
}

/** Thrown when a build step fails; the message says which and what to try. */
export class BuildError extends Error {
  override name = 'BuildError';
}

/** Builds the site when needed; resolves with true when it built. */
export async function ensureSiteBuilt(options: BuildOptions = {}): Promise<boolean> {
  const reason = options.force ? 'a rebuild was asked for' : siteBuildReason();
  if (!reason) return false;
  const started = Date.now();
  console.log(`Building the course site (${reason}); this takes a minute or two…`);
  const astro = join(dirname(require.resolve('astro/package.json')), 'astro.js');
  const output = await run(process.execPath, [astro, 'build'], courseDir, options.quiet ?? false);
  if (output.code !== 0) {
    if (options.quiet) process.stderr.write(output.text);
    throw new BuildError(
      `The course site failed to build (astro build exited with ${output.code}).\n` +
        '  The error is printed above. Fix it, then run the command again;\n' +
        '  `npm run dev` shows the same error with the page it belongs to.',
    );
  }
  writeFileSync(stampFile, `${new Date().toISOString()}\n`);
  console.log(`Built the course site in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return true;
}

/**
 * The environment for a build: the caller's, minus what a test runner adds.
 * Vitest sets NODE_ENV=test and DEV/PROD/MODE/SSR (its `import.meta.env`);
 * Astro reads those into the site's `import.meta.env`, and would build a
 * dev-mode site (Starlight's search turned off).
 */
export function buildEnv(quiet: boolean, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(env)) {
    if (/^(VITEST.*|DEV|PROD|SSR|MODE|BASE_URL|TEST|NODE_ENV)$/.test(key)) continue;
    clean[key] = value;
  }
  return {
    ...clean,
    NODE_ENV: 'production',
    ASTRO_TELEMETRY_DISABLED: '1',
    ...(quiet ? { FORCE_COLOR: '0' } : {}),
  };
}

function run(
  command: string,
  args: string[],
  cwd: string,
  quiet: boolean,
): Promise<{ code: number; text: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd,
      stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      env: buildEnv(quiet),
    });
    let text = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
    });
    child.on('error', (error) => resolve({ code: 1, text: `${text}\n${error.message}\n` }));
    child.on('close', (code) => resolve({ code: code ?? 1, text }));
  });
}
