// `npm run tarball -w @funws/chat`: builds the library and packs the tarball you
// install elsewhere (or publish), in the directory you ran npm from (or
// `-- --out <dir>`). It prints the tarball's path.
//
// The tarball is packed from a staging directory, not from packages/chat, so
// that its package.json is the published one: the `@funws/source` export
// condition, which lets this repository's workspaces run the TypeScript
// sources without a build, points at files the tarball does not ship, so it
// is left out (as are the scripts and devDependencies). `npm pack` in
// packages/chat refuses, so that nobody packs the workspace's manifest by
// mistake.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const repoDir = resolve(packageDir, '../..');
const sourceCondition = '@funws/source';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
// npm runs a workspace's script in the workspace; INIT_CWD is where you typed it.
const outDir = resolve(values.out ?? process.env.INIT_CWD ?? process.cwd());

/** The workspace's package.json as published: no source condition, no scripts, no devDependencies. */
export function publishedManifest(manifest: Record<string, unknown>): Record<string, unknown> {
  const { scripts: _scripts, devDependencies: _dev, ...rest } = manifest;
  return { ...rest, exports: withoutSourceCondition(rest.exports) };
}

function withoutSourceCondition(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== sourceCondition)
      .map(([key, inner]) => [key, withoutSourceCondition(inner)]),
  );
}

function run(command: string, args: string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', stdio: 'pipe' });
  if (result.status !== 0) {
    throw new Error(
      `${[command, ...args].join(' ')} failed (exit ${result.status}) in ${cwd}:\n${result.stdout}${result.stderr}`,
    );
  }
  return result.stdout;
}

const staging = mkdtempSync(join(tmpdir(), 'funws-chat-pack-'));
try {
  // A fresh dist/ for the tarball: nothing stale from an earlier build of renamed files.
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  run(
    process.execPath,
    [tsc, '-p', 'tsconfig.build.json', '--outDir', join(staging, 'dist')],
    packageDir,
  );
  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  writeFileSync(
    join(staging, 'package.json'),
    `${JSON.stringify(publishedManifest(manifest), null, 2)}\n`,
  );
  copyFileSync(join(packageDir, 'README.md'), join(staging, 'README.md'));
  copyFileSync(join(repoDir, 'LICENSE'), join(staging, 'LICENSE'));
  mkdirSync(outDir, { recursive: true });
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const packed = JSON.parse(
    run(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', outDir], staging),
  ) as { filename: string }[];
  const filename = packed[0]?.filename;
  if (!filename) throw new Error(`npm pack wrote no tarball into ${outDir}`);
  console.log(join(outDir, filename));
} finally {
  rmSync(staging, { recursive: true, force: true });
}
