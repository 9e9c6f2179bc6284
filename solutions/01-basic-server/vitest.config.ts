import { demoProject } from '../../vitest.shared.ts';

export default demoProject('01-basic-server');
