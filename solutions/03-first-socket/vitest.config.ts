import { demoProject } from '../../vitest.shared.ts';

export default demoProject('03-first-socket');
