import { demoProject } from '../../vitest.shared.ts';

export default demoProject('07-polls-reactions-canvas');
