import { demoProject } from '../../vitest.shared.ts';

export default demoProject('05-nicknames-presence');
