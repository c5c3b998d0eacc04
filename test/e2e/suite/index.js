'use strict';
// Entry point of the extension-host test suite (VS Code's `extensionTestsPath`): runs mocha INSIDE
// VS Code's Node extension host, on every test/e2e/suite/**/*.test.js (sorted). Used by
//   - test/e2e/run.js      (code-server + Chromium; `npm run test:e2e`), and
//   - test/e2e/electron.js (@vscode/test-electron; `npm run test:electron`).
// To add a suite, drop a file named e.g. `preview.test.js` or `authoring-newReport.test.js` here:
// plain CommonJS mocha BDD (`suite`/`test` or `describe`/`it`), `require('vscode')` and
// `require('./helpers')` available. Environment:
//   WR_E2E_GREP     only files whose name contains one of these comma-separated substrings
//   WR_E2E_RESULTS  write {passed, failed, pending, tests:[{title, state, ms, error}]} as JSON there
const fs = require('node:fs');
const path = require('node:path');
const Mocha = require('mocha');

function findTests(dir) {
  const out = [];
  for (const name of fs.readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (fs.statSync(p).isDirectory()) out.push(...findTests(p));
    else if (name.endsWith('.test.js')) out.push(p);
  }
  return out;
}

function run() {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60000, color: false, reporter: function Silent() {} });
  // Both `describe/it` and `suite/test` work: alias TDD names onto BDD ones.
  mocha.suite.on('pre-require', (ctx) => {
    ctx.suite = ctx.describe;
    ctx.test = ctx.it;
    ctx.suiteSetup = ctx.before;
    ctx.suiteTeardown = ctx.after;
    ctx.setup = ctx.beforeEach;
    ctx.teardown = ctx.afterEach;
  });
  const grep = (process.env.WR_E2E_GREP || '').split(',').map((s) => s.trim()).filter(Boolean);
  const files = findTests(__dirname).filter((f) => grep.length === 0 || grep.some((g) => path.basename(f).includes(g)));
  for (const f of files) mocha.addFile(f);
  const results = { files: files.map((f) => path.relative(__dirname, f)), passed: 0, failed: 0, pending: 0, tests: [] };
  const log = (s) => console.log(`[e2e] ${s}`);
  log(`extension-host suite: ${files.length} file(s): ${results.files.join(', ')}`);
  return new Promise((resolve, reject) => {
    let runner;
    try {
      runner = mocha.run((failures) => {
        log(`extension host: ${results.passed} passed, ${results.failed} failed${results.pending ? `, ${results.pending} pending` : ''}`);
        if (process.env.WR_E2E_RESULTS) {
          fs.mkdirSync(path.dirname(process.env.WR_E2E_RESULTS), { recursive: true });
          fs.writeFileSync(process.env.WR_E2E_RESULTS, JSON.stringify(results, null, 2));
        }
        if (failures > 0) reject(new Error(`${failures} test(s) failed`));
        else resolve();
      });
    } catch (e) {
      reject(e);
      return;
    }
    runner.on('pass', (t) => {
      results.passed++;
      results.tests.push({ title: t.fullTitle(), state: 'passed', ms: t.duration });
      log(`  ok   ${t.fullTitle()} (${t.duration} ms)`);
    });
    runner.on('fail', (t, err) => {
      results.failed++;
      const msg = err && (err.stack || err.message) ? String(err.stack || err.message) : String(err);
      results.tests.push({ title: t.fullTitle(), state: 'failed', ms: t.duration, error: msg });
      log(`  FAIL ${t.fullTitle()}\n${msg.split('\n').map((l) => `         ${l}`).join('\n')}`);
    });
    runner.on('pending', (t) => {
      results.pending++;
      results.tests.push({ title: t.fullTitle(), state: 'pending' });
      log(`  skip ${t.fullTitle()}`);
    });
  });
}

module.exports = { run };
