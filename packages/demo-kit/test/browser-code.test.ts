import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Listening, listen } from '@funws/testkit';
import express from 'express';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { browserCode } from '../src/index.ts';

describe('browserCode', () => {
  let folder: string;
  let server: Listening;

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'funws-browser-code-'));
    await writeFile(
      join(folder, 'greet.ts'),
      'export const greet = (name: string): string => name.toUpperCase();\n',
    );
    await writeFile(
      join(folder, 'main.ts'),
      "import { greet } from './greet.ts';\nconsole.log(greet('bob'));\n",
    );
    const app = express();
    app.use('/js', browserCode(pathToFileURL(`${folder}/`)));
    server = await listen(createServer(app));
  });

  afterEach(async () => {
    await server.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('bundles a TypeScript entry and its imports into browser JavaScript', async () => {
    const response = await fetch(`${server.url}/js/main.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    const code = await response.text();
    expect(code).toContain('name.toUpperCase()');
    expect(code).not.toContain(': string');
  });

  it('links a source map that maps back to the TypeScript files', async () => {
    const code = await (await fetch(`${server.url}/js/main.js`)).text();
    expect(code).toMatch(/\/\/# sourceMappingURL=main\.js\.map\s*$/);
    const map = (await (await fetch(`${server.url}/js/main.js.map`)).json()) as {
      sources: string[];
    };
    expect(map.sources.some((source) => source.endsWith('greet.ts'))).toBe(true);
  });

  it('rebuilds when a file of the bundle changes', async () => {
    await (await fetch(`${server.url}/js/main.js`)).text();
    await writeFile(
      join(folder, 'greet.ts'),
      'export const greet = (name: string) => name.toLowerCase();\n',
    );
    const code = await (await fetch(`${server.url}/js/main.js`)).text();
    expect(code).toContain('name.toLowerCase()');
  });

  it('answers 404 for names outside the folder or without an entry', async () => {
    expect((await fetch(`${server.url}/js/missing.js`)).status).toBe(404);
    expect((await fetch(`${server.url}/js/..%2Fsecret.js`)).status).toBe(404);
  });

  it('reports a build error in the browser console instead of failing silently', async () => {
    await writeFile(join(folder, 'broken.ts'), 'const = ;\n');
    const response = await fetch(`${server.url}/js/broken.js`);
    expect(response.status).toBe(500);
    expect(await response.text()).toMatch(/^console\.error\(.*broken\.ts failed/);
  });
});
