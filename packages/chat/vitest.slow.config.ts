import { slowTests } from '../../vitest.shared.ts';
import project from './vitest.config.ts';

// `npm run test:slow`: this workspace's tests that spawn processes or build.
export default slowTests(project);
