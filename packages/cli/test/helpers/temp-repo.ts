import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cliDir = fileURLToPath(new URL('../../', import.meta.url));
const repoRoot = join(cliDir, '../..');
const fixtures = join(cliDir, 'test/fixtures/solutions');

/** What a finished child process printed. */
export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A throwaway repo with the fixture solutions, and ways to run the CLI in it. */
export interface TempRepo {
  root: string;
  /** Runs `funws …` against this repo, as a child process without a terminal. */
  funws(...args: string[]): Promise<Ran>;
  /** Runs `scripts/exercises/<name>.ts` against this repo. */
  script(name: 'generate' | 'check', ...args: string[]): Promise<Ran>;
  read(path: string): string;
  write(path: string, text: string): void;
  /** Replaces the first occurrence of `from` in `path`. */
  edit(path: string, from: string, to: string): void;
  remove(): void;
}

/**
 * Copies the fixture solutions into `packages/cli/.tmp/<random>/`: inside the
 * workspace, so vitest and every dependency resolve through the repo's
 * node_modules, with a package.json named "funws" so it counts as a repo root.
 */
export function tempRepo(): TempRepo {
  const root = join(
    cliDir,
    '.tmp',
    `repo-${process.pid}-${Math.random().toString(36).slice(2, 8)}`,
  );
  mkdirSync(join(root, 'solutions'), { recursive: true });
  writeFileSync(join(root, 'package.json'), '{ "name": "funws", "private": true }\n');
  cpSync(fixtures, join(root, 'solutions'), { recursive: true });
  const env = { ...process.env, FUNWS_ROOT: root, NO_COLOR: '1' };
  return {
    root,
    funws: (...args) => run([join(cliDir, 'bin/funws.js'), ...args], env),
    script: (name, ...args) =>
      run(['--import', 'tsx', join(repoRoot, `scripts/exercises/${name}.ts`), ...args], env),
    read: (path) => readFileSync(join(root, path), 'utf8'),
    write: (path, text) => writeFileSync(join(root, path), text),
    edit(path, from, to) {
      const text = this.read(path);
      if (!text.includes(from)) throw new Error(`${path} does not contain ${JSON.stringify(from)}`);
      this.write(path, text.replace(from, to));
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** Runs node with `args` in the repo root, `input` on its stdin; resolves when it exits. */
export function run(args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: repoRoot,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

/** The repo root, for tests that spawn processes themselves. */
export const REPO_ROOT = repoRoot;
/** The CLI's bin script. */
export const FUNWS_BIN = join(cliDir, 'bin/funws.js');

/** The step-1 and step-2 code of the fixture, to "solve" its exercise in a test. */
export const ECHO_STEP_1 = [
  '  // TODO(step 1): Trim the spaces around the message',
  '  reply = reply.trim();',
] as const;
export const ECHO_STEP_2 = [
  '  // TODO(step 2): Refuse an empty message with an error',
  "  if (reply === '') throw new Error('Nothing to echo: the message is empty.');",
] as const;
