import { build } from 'esbuild';

/**
 * Bundles a TypeScript (or JavaScript) entry for the browser and returns the
 * code as one ES module string, ready to serve from a test server.
 *
 * @example
 * const code = await bundleForBrowser(fileURLToPath(import.meta.resolve('@funws/chat/client')));
 * app.get('/client.js', (_req, res) => res.type('js').send(code));
 */
export async function bundleForBrowser(entry: string, conditions: string[] = []): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    conditions,
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error(`esbuild produced no output for ${entry}`);
  return file.text;
}
