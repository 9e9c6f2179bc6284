// `npm run exercises:check [name…]` (CI): every exercise is what the generator makes,
// has the right shape, and every step's test fails on the starter, passes on the
// solution and in order, and fails with each recorded wrong answer.
import { findRoot } from '@funws/cli';
import { checkAll, isExerciseError } from '@funws/cli/exercises';

const started = Date.now();
try {
  const summary = await checkAll(findRoot(), process.argv.slice(2));
  console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
  process.exitCode = summary.problems ? 1 : 0;
} catch (error) {
  if (!isExerciseError(error)) throw error;
  console.error(`exercises:check: ${error.message}`);
  process.exitCode = 1;
}
