// `npm run typecheck`: type-checks every workspace that has a `typecheck`
// script, in ONE TypeScript program instead of one `tsc` per workspace.
// Each `tsc` parsed the same declarations again (node, express, socket.io,
// zod…), which cost most of its time; one program parses them once.
//
// Each workspace keeps its own tsconfig.json (its editor settings, and
// `npm run typecheck -w <workspace>`); this reads them all and checks their
// files together, so nothing here lists files that could drift. Workspaces
// whose compiler options differ are checked as separate programs.
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Workspace folders, from the root package.json's globs (`packages/*`, `course`). */
function workspaceDirs() {
  const { workspaces } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return workspaces.flatMap((pattern) => {
    if (!pattern.endsWith('/*')) return [join(root, pattern)];
    const parent = join(root, pattern.slice(0, -2));
    return ts.sys.getDirectories(parent).map((name) => join(parent, name));
  });
}

function hasTypecheckScript(dir) {
  try {
    return Boolean(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).scripts?.typecheck);
  } catch {
    return false;
  }
}

/** Workspaces grouped by compiler options: one program per group. */
const groups = new Map();
const configErrors = [];
for (const dir of workspaceDirs().filter(hasTypecheckScript)) {
  const configPath = join(dir, 'tsconfig.json');
  const read = ts.readConfigFile(configPath, ts.sys.readFile);
  if (read.error) {
    configErrors.push(read.error);
    continue;
  }
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dir, undefined, configPath);
  configErrors.push(...parsed.errors);
  const { configFilePath: _path, ...options } = parsed.options;
  const key = JSON.stringify(options);
  const group = groups.get(key) ?? { options, files: new Set(), workspaces: [] };
  for (const file of parsed.fileNames) group.files.add(file);
  group.workspaces.push(relative(root, dir));
  groups.set(key, group);
}

const host = {
  getCanonicalFileName: (name) => name,
  getCurrentDirectory: () => root,
  getNewLine: () => ts.sys.newLine,
};
const diagnostics = [...configErrors];
let files = 0;
for (const { options, files: groupFiles } of groups.values()) {
  const program = ts.createProgram({ rootNames: [...groupFiles], options });
  diagnostics.push(...ts.getPreEmitDiagnostics(program));
  files += groupFiles.size;
}

const workspaces = [...groups.values()].flatMap((group) => group.workspaces);
if (diagnostics.length > 0) {
  const format = process.stdout.isTTY
    ? ts.formatDiagnosticsWithColorAndContext
    : ts.formatDiagnostics;
  process.stderr.write(format(diagnostics, host));
  console.error(
    `\n${diagnostics.length} type error(s) in ${workspaces.length} workspaces (${files} files).`,
  );
  process.exit(1);
}
console.log(
  `Type-checked ${workspaces.length} workspaces (${files} files) in ${groups.size} program(s): no errors.`,
);
