import { demoProject } from '../../vitest.shared.ts';

export default demoProject('04-broadcast-chat');
