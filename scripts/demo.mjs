// `npm run demo 4` runs solutions/04-… on its original port; `npm run demo sidebar`
// runs the raw WebSocket vs Socket.IO sidebar. Without an argument it lists them.
// The list is the catalogue's (packages/catalogue/catalogue.json), the one the
// course and the funws CLI read too.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

const { demos } = JSON.parse(
  readFileSync(new URL('../packages/catalogue/catalogue.json', import.meta.url), 'utf8'),
);
const wanted = process.argv[2]?.trim().toLowerCase();

const matches = (demo) =>
  demo.key === wanted ||
  demo.key === wanted.replace(/^0+(?=\d)/, '') ||
  demo.folder === wanted ||
  demo.folder.startsWith(`${wanted}-`);

// `npm run demo cluster`: the course's playground on three nodes and a Redis (lesson "More than one server").
if (wanted === 'cluster') {
  const child = spawn('npm', ['run', 'cluster', '--workspace', '@funws/course'], {
    stdio: 'inherit',
  });
  child.on('exit', (code) => process.exit(code ?? 1));
} else {
  runDemo();
}

function runDemo() {
  const demo = wanted ? demos.find(matches) : undefined;
  if (!demo) {
    if (wanted !== undefined) console.error(`No demo called "${process.argv[2]}".`);
    console.error('Usage: npm run demo <number|name>, one of:');
    for (const { key, title, port } of demos) {
      console.error(`  ${key.padEnd(8)} ${title} (port ${port})`);
    }
    console.error(
      `  ${'cluster'.padEnd(8)} the course's playground on three nodes and Redis (ports 4331–4333)`,
    );
    process.exit(wanted === undefined ? 0 : 1);
  }

  const child = spawn('npm', ['start', '--workspace', `solutions/${demo.folder}`], {
    stdio: 'inherit',
  });
  child.on('exit', (code) => process.exit(code ?? 1));
}
