import { stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { type RequestHandler, Router } from 'express';

interface Bundle {
  code: string;
  /** The source map, served beside the code: the browser fetches it only when devtools are open. */
  map: string;
  /** Every file that went into the bundle, with its modification time then. */
  inputs: Map<string, number>;
}

/**
 * Serves the TypeScript in a folder to the browser, bundled on request with
 * esbuild, so there is no build step to remember: edit `src/client/main.ts`,
 * reload the page, and the new code runs. `GET /main.js` bundles `main.ts`
 * (and everything it imports, `socket.io-client` included).
 *
 * Bundles are cached and rebuilt only when one of their files changes. A
 * build error is printed in the terminal and shown in the browser console.
 *
 * @param folder the folder holding the entry files, e.g. `new URL('./client/', import.meta.url)`.
 *
 * @example
 * app.use('/js', browserCode(new URL('./client/', import.meta.url)));
 * // <script type="module" src="js/main.js"></script>
 */
export function browserCode(folder: URL): Router {
  const directory = fileURLToPath(folder);
  const cache = new Map<string, Bundle>();
  const router = Router();

  const serve: RequestHandler = async (request, response, next) => {
    // Only plain names such as `main.js` (or its map): no slashes, so no way out of the folder.
    const match = /^([A-Za-z0-9_-]+)\.js(\.map)?$/.exec(String(request.params.file));
    const name = match?.[1];
    if (name === undefined) return next();
    const wantsMap = match?.[2] !== undefined;
    const entry = join(directory, `${name}.ts`);
    const exists = await stat(entry).then(
      (info) => info.isFile(),
      () => false,
    );
    if (!exists) return next();
    try {
      let bundle = cache.get(entry);
      if (!bundle || (await changed(bundle))) {
        bundle = await bundleEntry(entry);
        cache.set(entry, bundle);
      }
      if (wantsMap) response.type('application/json').send(bundle.map);
      else response.type('text/javascript').set('Cache-Control', 'no-cache').send(bundle.code);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`\nCould not bundle ${entry} for the browser:\n${message}\n`);
      response
        .status(500)
        .type('text/javascript')
        .send(`console.error(${JSON.stringify(`Bundling ${name}.ts failed:\n${message}`)});`);
    }
  };
  router.get('/:file', serve);
  return router;
}

async function bundleEntry(entry: string): Promise<Bundle> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    // A linked map: devtools show your TypeScript, and the page itself stays light.
    sourcemap: 'linked',
    outfile: entry.replace(/\.ts$/, '.js'),
    write: false,
    metafile: true,
    logLevel: 'silent',
    absWorkingDir: dirname(entry),
  });
  const inputs = new Map<string, number>();
  for (const input of Object.keys(result.metafile.inputs)) {
    if (input.includes('node_modules')) continue;
    const info = await stat(resolve(dirname(entry), input)).catch(() => undefined);
    if (info) inputs.set(resolve(dirname(entry), input), info.mtimeMs);
  }
  const code = result.outputFiles.find((file) => file.path.endsWith('.js'));
  const map = result.outputFiles.find((file) => file.path.endsWith('.js.map'));
  if (!code || !map) throw new Error(`esbuild produced no output for ${entry}`);
  return { code: code.text, map: map.text, inputs };
}

async function changed(bundle: Bundle): Promise<boolean> {
  for (const [path, mtime] of bundle.inputs) {
    const info = await stat(path).catch(() => undefined);
    if (!info || info.mtimeMs !== mtime) return true;
  }
  return false;
}
