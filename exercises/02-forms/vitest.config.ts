import { workspaceProject } from '../../vitest.shared.ts';

export default workspaceProject('02-forms');
