import { demoProject } from '../../vitest.shared.ts';

export default demoProject('sidebar-raw-vs-socketio');
