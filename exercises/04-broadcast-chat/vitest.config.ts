import { workspaceProject } from '../../vitest.shared.ts';

export default workspaceProject('04-broadcast-chat');
