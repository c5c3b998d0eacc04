#!/usr/bin/env node
'use strict';
// npm run test:electron — the same extension-host suite (test/e2e/suite) under @vscode/test-electron,
// for contributors who have a desktop VS Code or a network that reaches update.code.visualstudio.com:
//   VSCODE_EXECUTABLE=/path/to/code npm run test:electron    (use that VS Code; nothing downloaded)
//   npm run test:electron                                     (downloads VS Code stable into .vscode-test/)
// CI does not run this: its network reaches only the npm registry and Debian, and no Debian package
// ships VS Code, so CI runs the suite in code-server instead (npm run test:e2e). Needs a display
// (or xvfb-run) like any Electron app. Prints `electron: N passed, M failed`.
const fs = require('node:fs');
const path = require('node:path');
const { runTests } = require('@vscode/test-electron');
const cs = require('./lib/codeServer');

async function main() {
  const dir = path.join(cs.WORK, 'electron');
  fs.rmSync(dir, { recursive: true, force: true });
  const ws = cs.copyDir(path.join(cs.ROOT, 'example'), path.join(dir, 'ws'));
  const results = path.join(cs.WORK, 'artifacts', 'electron-results.json');
  fs.rmSync(results, { force: true });
  if (!fs.existsSync(path.join(cs.ROOT, 'dist', 'client.js'))) throw new Error('dist/client.js is missing: npm run build first');
  const exe = process.env.VSCODE_EXECUTABLE;
  console.log(exe ? `[electron] VS Code: ${exe}` : '[electron] VSCODE_EXECUTABLE not set: @vscode/test-electron downloads VS Code stable');
  let code = 1;
  try {
    code = await runTests({
      ...(exe ? { vscodeExecutablePath: exe } : { version: process.env.VSCODE_VERSION || 'stable' }),
      extensionDevelopmentPath: cs.ROOT,
      extensionTestsPath: path.join(cs.ROOT, 'test/e2e/suite/index.js'),
      extensionTestsEnv: { WR_E2E_RESULTS: results, WR_E2E_GREP: process.env.WR_E2E_GREP || '' },
      launchArgs: [ws, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes',
        '--user-data-dir', path.join(dir, 'u'), '--extensions-dir', path.join(dir, 'x')],
    });
  } catch (e) {
    console.error(`[electron] ${e && e.message ? e.message : e}`);
  }
  let r = null;
  if (fs.existsSync(results)) r = JSON.parse(fs.readFileSync(results, 'utf8'));
  const passed = r ? r.passed : 0;
  const failed = r ? r.failed : 1;
  console.log(`electron: ${passed} passed, ${failed} failed`);
  process.exit(code === 0 && r && failed === 0 ? 0 : 1);
}
main();
