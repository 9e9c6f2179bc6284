// `npm run exercises:check [name…]` (CI): every exercise is what the generator makes,
// has the right shape, and every step's test fails on the starter and passes on the solution.
import { checkAll, isExerciseError } from '../../packages/cli/src/exercises/index.ts';
import { findRoot } from '../../packages/cli/src/util/root.ts';

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
