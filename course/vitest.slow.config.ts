import { slowTests } from '../vitest.shared.ts';
import project from './vitest.config.ts';

// `npm run test:slow`: this workspace's tests that spawn processes (the learner's
// test runs behind "Check my work", a Redis server for the clustered playground).
export default slowTests(project);
