// `npm run exercises:generate [name…]`: writes exercises/<name> from solutions/<name>
// for every solution that marks regions (or only the named ones).
import { isExerciseError, writeAll } from '../../packages/cli/src/exercises/index.ts';
import { findRoot } from '../../packages/cli/src/util/root.ts';

try {
  writeAll(findRoot(), process.argv.slice(2));
} catch (error) {
  if (!isExerciseError(error)) throw error;
  console.error(`exercises:generate: ${error.message}`);
  process.exitCode = 1;
}
