import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * Writes an exercise's files (say, a variant for `exercises:check`) into
 * `target`, a folder elsewhere than `exercises/<name>`. The two files that
 * point outside the exercise by a relative path, `tsconfig.json` (`extends`)
 * and `vitest.config.ts` (its imports), are rewritten to point from `target`
 * at what they pointed at from `original`.
 *
 * @example
 * writeRelocated(variant.files, '/repo/.funws/check-1/04/starter', '/repo/exercises/04-broadcast-chat');
 */
export function writeRelocated(
  files: ReadonlyMap<string, Buffer>,
  target: string,
  original: string,
): void {
  for (const [path, content] of files) {
    const file = join(target, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, relocate(path, content, original, target));
  }
}

function relocate(path: string, content: Buffer, from: string, to: string): Buffer {
  const move = (specifier: string) =>
    specifier.startsWith('.') ? toPosix(relative(to, resolve(from, specifier))) : specifier;
  if (path === 'tsconfig.json') {
    try {
      const parsed = JSON.parse(content.toString('utf8')) as { extends?: unknown };
      if (typeof parsed.extends !== 'string') return content;
      parsed.extends = move(parsed.extends);
      return Buffer.from(`${JSON.stringify(parsed, null, 2)}\n`);
    } catch {
      return content;
    }
  }
  if (/^vitest\.config\.[cm]?[jt]s$/.test(path)) {
    const text = content
      .toString('utf8')
      .replace(
        /(from\s+['"])(\.[^'"]*)(['"])/g,
        (_all, open: string, specifier: string, close) =>
          `${open}${prefixed(move(specifier))}${close}`,
      );
    return Buffer.from(text);
  }
  return content;
}

function prefixed(specifier: string): string {
  return specifier.startsWith('.') || specifier.startsWith('/') ? specifier : `./${specifier}`;
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}
