import { demoProject } from '../../vitest.shared.ts';

export default demoProject('02-forms');
