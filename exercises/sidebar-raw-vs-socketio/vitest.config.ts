import { workspaceProject } from '../../vitest.shared.ts';

export default workspaceProject('sidebar-raw-vs-socketio');
