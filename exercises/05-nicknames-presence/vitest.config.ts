import { workspaceProject } from '../../vitest.shared.ts';

export default workspaceProject('05-nicknames-presence');
