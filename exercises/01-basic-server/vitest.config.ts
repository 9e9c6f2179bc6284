import { workspaceProject } from '../../vitest.shared.ts';

export default workspaceProject('01-basic-server');
