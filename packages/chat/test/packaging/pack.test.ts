import type { ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { transform } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readmeExamples } from './readme-examples.ts';
import { run, start, stop } from './run.ts';

// Proves the published package works the way its README says, from a fresh
// project outside the workspace: build, pack, install the tarball, type-check
// the README's TypeScript examples against the installed types, and run them.

const packageDir = resolve(import.meta.dirname, '../..');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const tsconfig = {
  compilerOptions: {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    verbatimModuleSyntax: true,
    skipLibCheck: true,
    noEmit: true,
    types: ['node'],
  },
  include: ['*.ts'],
};

const temporary: string[] = [];
const children: ChildProcess[] = [];
let project = '';

afterAll(async () => {
  await Promise.all(children.map(stop));
  await Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true })));
});

beforeAll(async () => {
  const packDir = await mkdtemp(join(tmpdir(), 'funws-pack-'));
  project = await mkdtemp(join(tmpdir(), 'funws-consumer-'));
  temporary.push(packDir, project);

  await run(npm, ['run', 'build'], { cwd: packageDir });
  // The build just ran; `--ignore-scripts` keeps `prepack` from running it again.
  await run(npm, ['pack', '--ignore-scripts', '--pack-destination', packDir], {
    cwd: packageDir,
  });
  const [tarball] = await readdir(packDir);
  if (!tarball) throw new Error(`npm pack left nothing in ${packDir}`);

  const manifest = { name: 'funws-consumer', private: true, type: 'module' };
  await writeFile(join(project, 'package.json'), JSON.stringify(manifest, null, 2));
  await writeFile(join(project, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
  await run(
    npm,
    [
      'install',
      join(packDir, tarball),
      '@types/node@20',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
    ],
    { cwd: project },
  );

  const examples = await readmeExamples(join(packageDir, 'README.md'));
  for (const file of ['server.ts', 'client.ts']) {
    const code = examples.get(file);
    if (code === undefined) throw new Error(`README.md has no \`// example: ${file}\` block`);
    await writeFile(join(project, file), code);
    const { code: js } = await transform(code, { loader: 'ts', format: 'esm' });
    await writeFile(join(project, file.replace(/\.ts$/, '.mjs')), js);
  }
}, 180_000);

describe('the packed @funws/chat', () => {
  it('type-checks the README examples against the installed types', async () => {
    await run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: project });
  }, 60_000);

  it('runs the README server, and the README client sends and prints a message', async () => {
    const port = await freePort();
    const server = await start(process.execPath, ['server.mjs'], {
      cwd: project,
      env: { ...process.env, PORT: String(port) },
      ready: /chat server on http:\/\/127\.0\.0\.1:\d+/,
      timeoutMs: 15_000,
    });
    children.push(server.child);
    const client = await run(process.execPath, ['client.mjs'], {
      cwd: project,
      env: { ...process.env, CHAT_URL: `http://127.0.0.1:${port}` },
      timeoutMs: 30_000,
    });
    expect(client.stdout.trim()).toBe('ada: hello from ada');
    expect(server.output.stderr).toBe('');
  }, 60_000);
});

/** A port nobody listens on right now, for a process that takes its port from PORT. */
function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}
