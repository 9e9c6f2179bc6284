// Runs before `npm install`, `npm test` and `npm start`. Written in the plainest
// JavaScript on purpose: it has to parse on an old Node to tell you it is old.
var needed = [20, 19];
var found = process.versions.node;
var parts = found.split('.').map(Number);
var tooOld = parts[0] < needed[0] || (parts[0] === needed[0] && parts[1] < needed[1]);
if (tooOld) {
  console.error(
    '\nFun with WebSockets needs Node.js ' +
      needed.join('.') +
      ' or newer (20.19+, 22 or 24).\n' +
      'You are running Node.js ' +
      found +
      '.\n' +
      'Install a current LTS from https://nodejs.org (or `nvm install 22`), then run the command again.\n',
  );
  process.exit(1);
}
