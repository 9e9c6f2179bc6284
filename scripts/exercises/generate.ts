// `npm run exercises:generate [name…]`: writes exercises/<name> from solutions/<name>
// for every solution that marks regions (or only the named ones).
import { findRoot } from '@funws/cli';
import { isExerciseError, writeAll } from '@funws/cli/exercises';

try {
  writeAll(findRoot(), process.argv.slice(2));
} catch (error) {
  if (!isExerciseError(error)) throw error;
  console.error(`exercises:generate: ${error.message}`);
  process.exitCode = 1;
}
