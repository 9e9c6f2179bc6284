import { type GeneratedExercise, generateExercise } from './generate.ts';
import { exerciseDir, listPackages, solutionDir } from './layout.ts';
import { writeExercise } from './write.ts';

/**
 * Generates the exercises of `names` (default: every solution) from
 * `<root>/solutions/` and gives them back; solutions that mark no regions yet
 * are left out. Pure: writes nothing.
 *
 * @example
 * const exercises = generateAll('/work/main');
 */
export function generateAll(root: string, names: string[] = []): GeneratedExercise[] {
  const wanted = names.length ? names : listPackages(root, 'solutions');
  return wanted
    .map((name) => generateExercise(solutionDir(root, name), name))
    .filter((exercise) => exercise.todos.length > 0);
}

/**
 * Writes the exercises of `names` (default: all) into `<root>/exercises/`,
 * and says what it wrote through `log`.
 *
 * @example
 * writeAll('/work/main', ['04-broadcast-chat']);
 */
export function writeAll(
  root: string,
  names: string[] = [],
  log = console.log,
): GeneratedExercise[] {
  const exercises = generateAll(root, names);
  const generated = new Set(exercises.map((exercise) => exercise.name));
  for (const name of names.length ? names : listPackages(root, 'solutions')) {
    if (!generated.has(name)) log(`skipped ${name}: its solution marks no "#region step-N" yet`);
  }
  for (const exercise of exercises) {
    writeExercise(exercise, exerciseDir(root, exercise.name));
    const steps = new Set(exercise.todos.map((todo) => todo.step)).size;
    log(`wrote exercises/${exercise.name} (${steps} steps, ${exercise.files.size} files)`);
  }
  return exercises;
}
