import type { ChildProcess } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { transform } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readmeExamples } from './readme-examples.ts';
import { run, start, stop } from './run.ts';

// Proves the published package works the way its README says, from a fresh
// project outside the workspace: pack it the way the README says
// (`npm run tarball`), install the tarball, check what it holds, type-check
// the README's TypeScript examples against the installed types, and run them.
//
// better-sqlite3 is an optional peer: the project first has the tarball alone
// (where `@funws/chat/sqlite` must use node:sqlite, on a Node.js that has it, or
// explain what is missing, on Node 20), then gets
// better-sqlite3 from the registry, at the workspace's version. Its native
// part is the one the workspace compiled from the same sources for this same
// Node.js, copied in as a prebuilt binary would be, rather than compiled a
// second time (minutes on a small machine; the workspace's install proves the
// compile).

const packageDir = resolve(import.meta.dirname, '../..');
const repoDir = resolve(packageDir, '../..');
const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');
const bindingDir = dirname(require.resolve('better-sqlite3/package.json'));
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
/** What `@funws/chat/sqlite` said before better-sqlite3 was installed. */
let withoutBinding = '';
/** Whether this Node.js has SQLite built in (22.13 and later without a flag). */
const hasNodeSqlite = process.getBuiltinModule?.('node:sqlite') !== undefined;

// Run before better-sqlite3 is installed: the driver it opened the file with, or the error it answers, by code.
const missingBindingCheck = `import { createSqliteStores, isSqliteStoreError } from '@funws/chat/sqlite';
try {
  const stores = createSqliteStores('driver-check.sqlite');
  console.log('opened with ' + stores.driver);
  await stores.close();
} catch (error) {
  console.log(isSqliteStoreError(error) ? error.code + ': ' + error.message : String(error));
}
`;

// Prints the history of 'general' as a newcomer sees it.
const historyCheck = `import { ChatClient } from '@funws/chat/client';
const client = new ChatClient({ url: process.env.CHAT_URL, nickname: 'grace', storage: null });
await client.connect();
await client.join('general');
for (const message of client.state.rooms.general?.messages ?? []) {
  console.log(message.nickname + ': ' + message.text);
}
client.close();
`;

afterAll(async () => {
  await Promise.all(children.map(stop));
  await Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true })));
});

beforeAll(async () => {
  const packDir = await mkdtemp(join(tmpdir(), 'funws-pack-'));
  project = await mkdtemp(join(tmpdir(), 'funws-consumer-'));
  temporary.push(packDir, project);

  await run(npm, ['run', 'tarball', '--', '--out', packDir], { cwd: packageDir });
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

  await writeFile(join(project, 'missing-binding.mjs'), missingBindingCheck);
  withoutBinding = (await run(process.execPath, ['missing-binding.mjs'], { cwd: project })).stdout;

  const { version } = JSON.parse(await readFile(join(bindingDir, 'package.json'), 'utf8')) as {
    version: string;
  };
  await run(
    npm,
    [
      'install',
      `better-sqlite3@${version}`,
      '--ignore-scripts',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
    ],
    { cwd: project },
  );
  const native = join('build', 'Release', 'better_sqlite3.node');
  const installed = join(project, 'node_modules', 'better-sqlite3', native);
  await mkdir(dirname(installed), { recursive: true });
  await copyFile(join(bindingDir, native), installed);
  await writeFile(join(project, 'history.mjs'), historyCheck);

  const examples = await readmeExamples(join(packageDir, 'README.md'));
  for (const file of ['server.ts', 'client.ts', 'sqlite-server.ts']) {
    const code = examples.get(file);
    if (code === undefined) throw new Error(`README.md has no \`// example: ${file}\` block`);
    await writeFile(join(project, file), code);
    const { code: js } = await transform(code, { loader: 'ts', format: 'esm' });
    await writeFile(join(project, file.replace(/\.ts$/, '.mjs')), js);
  }
}, 240_000);

describe('the packed @funws/chat', () => {
  const installed = () => join(project, 'node_modules', '@funws', 'chat');

  it("ships the repository's MIT licence", async () => {
    const manifest = JSON.parse(await readFile(join(installed(), 'package.json'), 'utf8'));
    expect(manifest.license).toBe('MIT');
    const licence = await readFile(join(installed(), 'LICENSE'), 'utf8');
    expect(licence).toBe(await readFile(join(repoDir, 'LICENSE'), 'utf8'));
    expect(licence).toMatch(/^MIT License/);
  });

  it('publishes an exports map without the workspace-only source condition, every target shipped', async () => {
    const text = await readFile(join(installed(), 'package.json'), 'utf8');
    expect(text).not.toContain('@funws/source');
    const manifest = JSON.parse(text) as { exports: Record<string, unknown>; scripts?: unknown };
    expect(manifest.scripts).toBeUndefined();
    const targets = exportTargets(manifest.exports);
    expect(targets.length).toBeGreaterThan(0);
    const files = new Set(await filesUnder(installed()));
    expect(targets.filter((target) => !files.has(target.replace(/^\.\//, '')))).toEqual([]);
  });

  it('ships compiled JavaScript and types, with no source maps pointing at missing sources', async () => {
    const files = await filesUnder(installed());
    expect(files.filter((file) => file.endsWith('.map'))).toEqual([]);
    expect(files.filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))).toEqual([]);
    const mentions: string[] = [];
    for (const file of files.filter((name) => /\.(js|d\.ts)$/.test(name))) {
      if ((await readFile(join(installed(), file), 'utf8')).includes('sourceMappingURL'))
        mentions.push(file);
    }
    expect(mentions).toEqual([]);
  });

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

  it.runIf(!hasNodeSqlite)(
    'explains, without better-sqlite3 on a Node.js without SQLite, that @funws/chat/sqlite needs it',
    () => {
      expect(withoutBinding).toMatch(/^binding_missing: .*npm install better-sqlite3@\^12/);
    },
  );

  it.runIf(hasNodeSqlite)(
    'opens a file without better-sqlite3 on the SQLite built into Node.js',
    () => {
      expect(withoutBinding.trim()).toBe('opened with node:sqlite');
    },
  );

  it('runs the README SQLite server twice on one file: the second has the first one’s messages', async () => {
    const port = await freePort();
    const env = { ...process.env, PORT: String(port) };
    const url = `http://127.0.0.1:${port}`;
    const ready = /chat server on http:\/\/127\.0\.0\.1:\d+, keeping the chat in .*chat\.sqlite/;
    const first = await start(process.execPath, ['sqlite-server.mjs'], {
      cwd: project,
      env,
      ready,
      timeoutMs: 15_000,
    });
    children.push(first.child);
    await run(process.execPath, ['client.mjs'], {
      cwd: project,
      env: { ...process.env, CHAT_URL: url },
      timeoutMs: 30_000,
    });
    await stop(first.child);
    expect(first.output.stderr).toBe('');

    const second = await start(process.execPath, ['sqlite-server.mjs'], {
      cwd: project,
      env,
      ready,
      timeoutMs: 15_000,
    });
    children.push(second.child);
    const history = await run(process.execPath, ['history.mjs'], {
      cwd: project,
      env: { ...process.env, CHAT_URL: url },
      timeoutMs: 30_000,
    });
    expect(history.stdout.trim()).toBe('ada: hello from ada');
    expect(second.output.stderr).toBe('');
  }, 60_000);
});

/** Every file path an exports map points at (conditions and subpaths flattened). */
function exportTargets(exports: unknown): string[] {
  if (typeof exports === 'string') return [exports];
  if (typeof exports !== 'object' || exports === null) return [];
  return Object.values(exports).flatMap(exportTargets);
}

/** Every file under `dir`, as paths relative to it with forward slashes. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

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
