import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { GeneratedExercise } from './generate.ts';
import { listFiles } from './walk.ts';

/** How a folder on disk differs from a generated exercise. */
export interface Drift {
  /** Generated but not on disk. */
  missing: string[];
  /** On disk but not generated. */
  extra: string[];
  /** On both, with different bytes. */
  changed: string[];
}

/**
 * Writes `exercise` into `dir`, and removes files there that the generator no
 * longer produces (installed folders such as node_modules are left alone).
 *
 * @example
 * writeExercise(generateExercise(solution, name), 'exercises/04-broadcast-chat');
 */
export function writeExercise(exercise: GeneratedExercise, dir: string): void {
  for (const path of existsSync(dir) ? listFiles(dir) : []) {
    if (!exercise.files.has(path)) rmSync(join(dir, path));
  }
  for (const [path, content] of exercise.files) {
    const target = join(dir, path);
    if (existsSync(target) && readFileSync(target).equals(content)) continue;
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
}

/**
 * Compares a folder on disk with what the generator produces.
 *
 * @example
 * const drift = compareExercise(generated, 'exercises/04-broadcast-chat');
 * if (hasDrift(drift)) console.log(drift.changed);
 */
export function compareExercise(exercise: GeneratedExercise, dir: string): Drift {
  const onDisk = existsSync(dir) ? listFiles(dir) : [];
  const present = new Set(onDisk);
  return {
    missing: [...exercise.files.keys()].filter((path) => !present.has(path)),
    extra: onDisk.filter((path) => !exercise.files.has(path)),
    changed: onDisk.filter((path) => {
      const expected = exercise.files.get(path);
      return expected !== undefined && !readFileSync(join(dir, path)).equals(expected);
    }),
  };
}

/** True when a {@link Drift} lists anything. */
export function hasDrift(drift: Drift): boolean {
  return drift.missing.length + drift.extra.length + drift.changed.length > 0;
}
