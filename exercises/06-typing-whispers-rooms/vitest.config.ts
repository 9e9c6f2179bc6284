import { workspaceProject } from '../../vitest.shared.ts';

export default workspaceProject('06-typing-whispers-rooms');
