import { workspaceProject } from '../../vitest.shared.ts';

export default workspaceProject('07-polls-reactions-canvas');
