import { workspaceProject } from '../../vitest.shared.ts';

export default workspaceProject('03-first-socket');
