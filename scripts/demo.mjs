// `npm run demo 4` runs solutions/04-… on its original port; `npm run demo sidebar`
// runs the raw WebSocket vs Socket.IO sidebar. Without an argument it lists them.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';

const folders = readdirSync(new URL('../solutions/', import.meta.url)).sort();
const wanted = process.argv[2];

const match = (folder) =>
  wanted !== undefined &&
  (folder === wanted ||
    folder.startsWith(`${wanted.padStart(2, '0')}-`) ||
    folder.startsWith(`${wanted}-`));

const folder = folders.find(match);
if (!folder) {
  if (wanted !== undefined) console.error(`No demo called "${wanted}".`);
  console.error('Usage: npm run demo <number|name>, one of:');
  for (const name of folders) console.error(`  ${name}`);
  process.exit(wanted === undefined ? 0 : 1);
}

const child = spawn('npm', ['start', '--workspace', `solutions/${folder}`], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 1));
