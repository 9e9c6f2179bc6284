// The API reference of @funws/chat inside the course site: starlight-typedoc
// runs typedoc when Astro loads its config and writes Markdown pages into
// src/content/docs/api/ (generated, not committed), so the reference has the
// course's sidebar, search, dark mode and phone layout.
//
// The typedoc settings are the library's own (packages/chat/typedoc.json,
// also read by `npm run docs`), found through the package name like any other
// use of the library: one place says what is documented and how strictly.
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const require = createRequire(import.meta.url);

/** Where the generated pages live, under src/content/docs/ and in URLs. */
export const apiOutput = 'api';

/** Options of typedoc.json that only `npm run docs` uses, or that starlight-typedoc sets itself. */
const standaloneOnly = new Set(['$schema', 'out', 'plugin', 'entryPoints', 'tsconfig', 'readme']);

/**
 * The options for `starlight-typedoc`, from the library's typedoc.json.
 * @returns {import('starlight-typedoc').StarlightTypeDocOptions}
 */
export function apiReferenceOptions() {
  const chatDir = dirname(require.resolve('@funws/chat/package.json'));
  // typedoc.json has comments; TypeScript's reader is the one typedoc itself uses.
  const { config, error } = ts.readConfigFile(resolve(chatDir, 'typedoc.json'), ts.sys.readFile);
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  const typeDoc = Object.fromEntries(
    Object.entries(config).filter(([key]) => !standaloneOnly.has(key)),
  );
  return {
    entryPoints: config.entryPoints.map((entry) => resolve(chatDir, entry)),
    tsconfig: resolve(chatDir, config.tsconfig),
    output: apiOutput,
    sidebar: { label: 'API reference', collapsed: true },
    typeDoc: {
      ...typeDoc,
      plugin: [fileURLToPath(new URL('./typedoc-site-pages.mjs', import.meta.url))],
      // The library lesson is the introduction here; the README stays in the repository.
      readme: 'none',
      // typedoc-plugin-markdown: each module's page is its folder's index, so
      // /api/ lists the three entry points and /api/server/ is the server's page.
      entryFileName: 'index',
      // A doc-comment warning is printed but does not stop the course from
      // building; `npm run docs` (in CI) is where warnings fail.
      treatWarningsAsErrors: false,
    },
  };
}
