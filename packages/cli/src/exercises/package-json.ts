import { ExerciseError } from './exercise-error.ts';

/**
 * The exercise's package.json: renamed `@funws/solution-X` → `@funws/exercise-X`,
 * and without a `typecheck` script, because a starter full of TODOs may not
 * typecheck and the root `npm run typecheck` runs every workspace's script.
 * Everything else, key order included, stays as the solution has it.
 *
 * @example
 * exercisePackageJson('{"name":"@funws/solution-04-chat"}', 'solutions/04-chat/package.json');
 * // → '{\n  "name": "@funws/exercise-04-chat"\n}\n'
 */
export function exercisePackageJson(source: string, file: string): string {
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(source) as Record<string, unknown>;
  } catch (error) {
    throw new ExerciseError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  if (typeof parsed.name === 'string') {
    parsed.name = parsed.name.replace(/^@funws\/solution-/, '@funws/exercise-');
  }
  const scripts = parsed.scripts;
  if (scripts && typeof scripts === 'object') {
    delete (scripts as Record<string, unknown>).typecheck;
  }
  return `${JSON.stringify(parsed, null, 2)}\n`;
}
