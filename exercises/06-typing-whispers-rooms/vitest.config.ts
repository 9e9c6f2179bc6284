import { demoProject } from '../../vitest.shared.ts';

export default demoProject('06-typing-whispers-rooms');
