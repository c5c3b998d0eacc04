#!/usr/bin/env node
'use strict';
// End-to-end driver (npm run test:e2e → scripts/e2e.sh → here). One code-server (a real VS Code)
// on 127.0.0.1:<free port> with the packaged VSIX installed in a fresh state under .work/e2e, and
// Debian's Chromium driven by playwright-core:
//   host: the mocha suite test/e2e/suite/index.js runs inside VS Code's Node extension host
//         (workbench payload extensionDevelopmentPath/extensionTestsPath); its exit code comes back
//         through window.codeAutomationExit, its per-test results through a JSON file.
//   ui:   test/e2e/ui.js drives the workbench like a person; screenshots in .work/artifacts/.
// Usage: node test/e2e/run.js --vsix FILE [--only host|ui] [--grep a,b]   (grep: suite file names)
// Prints `e2e: N passed, M failed` last; exit status 1 on any failure.
const fs = require('node:fs');
const path = require('node:path');
const cs = require('./lib/codeServer');

const ARTIFACTS = path.join(cs.WORK, 'artifacts');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

function parseArgs(argv) {
  const o = { only: null, grep: '', vsix: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--only') o.only = argv[++i];
    else if (a === '--grep') o.grep = argv[++i];
    else if (a === '--vsix') o.vsix = argv[++i];
    else throw new Error(`unknown argument ${a}`);
  }
  if (!o.vsix) throw new Error('--vsix FILE is required (scripts/e2e.sh packages it)');
  return o;
}

const tally = { passed: 0, failed: 0, failures: [] };
function record(title, ok, error) {
  if (ok) tally.passed++;
  else { tally.failed++; tally.failures.push({ title, error }); }
}

async function launchBrowser() {
  const { chromium } = require('playwright-core');
  if (!fs.existsSync(CHROMIUM)) throw new Error(`no browser at ${CHROMIUM}: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM`);
  const profile = path.join(cs.WORK, 'e2e', 'chromium-profile');
  fs.rmSync(profile, { recursive: true, force: true });
  // A persistent context gives the fresh --user-data-dir the notes ask for.
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    timeout: 60000,
  });
}

/** Relay the extension host's `[e2e]` lines (mocha progress) from the page console. */
function relayConsole(page, prefix) {
  page.on('console', (msg) => {
    const text = msg.text();
    const i = text.indexOf('[e2e]');
    if (i >= 0) {
      // Extension-host console arrives as printf-style arguments after a `%c INFO` prefix.
      const line = text.slice(i).replace(/\s*color:\s*[^\s]*\s*$/, '');
      if (!relayConsole.seen.has(line)) { relayConsole.seen.add(line); console.log(`${prefix}${line}`); }
    }
  });
}
relayConsole.seen = new Set();

async function runHostSuite(context, server, extDir, ws, grep, resultsFile) {
  const t0 = Date.now();
  const page = await context.newPage();
  relayConsole(page, '  ');
  let resolveExit;
  const exited = new Promise((r) => { resolveExit = r; });
  await page.exposeFunction('codeAutomationExit', (code) => { resolveExit(code); });
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(extDir)],
    ['extensionTestsPath', remote(path.join(cs.ROOT, 'test/e2e/suite/index.js'))],
  ];
  const url = `${server.url}?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60000 });
  const timeoutMs = Number(process.env.WR_E2E_HOST_TIMEOUT || 480000);
  let timer;
  const code = await Promise.race([
    exited,
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for the extension-host suite to call codeAutomationExit`)), timeoutMs); }),
  ]).finally(() => clearTimeout(timer));
  await page.screenshot({ path: path.join(ARTIFACTS, 'host-suite-end.png') }).catch(() => {});
  await page.close().catch(() => {});
  let results = null;
  if (fs.existsSync(resultsFile)) results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  if (!results) {
    record('extension-host suite (no results file written)', false, `exit code ${code}; see ${server.logFile}`);
  } else {
    for (const t of results.tests) if (t.state !== 'pending') record(`host: ${t.title}`, t.state === 'passed', t.error);
    if (code !== 0 && results.failed === 0) record('extension-host suite exit code', false, `exit code ${code} with no failing test (a hook or the loader failed?)`);
  }
  console.log(`[e2e] extension-host suite: exit ${code}, ${results ? `${results.passed} passed, ${results.failed} failed` : 'no results'} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  for (const n of fs.readdirSync(ARTIFACTS)) if (n.endsWith('.png')) fs.rmSync(path.join(ARTIFACTS, n));
  const timings = {};
  let server = null;
  let context = null;
  const cleanup = () => { if (server) cs.stop(server); };
  process.on('exit', cleanup);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => { cleanup(); process.exit(130); });

  let t = Date.now();
  const state = cs.freshState('e2e/state');
  const extDir = cs.installVsix(state, path.resolve(opts.vsix));
  const wsHost = cs.copyDir(path.join(cs.ROOT, 'example'), path.join(cs.WORK, 'e2e', 'ws-host'));
  const wsUi = cs.copyDir(path.join(cs.ROOT, 'example'), path.join(cs.WORK, 'e2e', 'ws-ui'));
  const resultsFile = path.join(ARTIFACTS, 'host-results.json');
  fs.rmSync(resultsFile, { force: true });
  const logFile = path.join(ARTIFACTS, 'code-server.log');
  fs.rmSync(logFile, { force: true });
  server = await cs.start(state, { logFile, extraEnv: { WR_E2E_RESULTS: resultsFile, WR_E2E_GREP: opts.grep || '' } });
  server.logFile = logFile;
  if (process.env.WR_E2E_PIDFILE) fs.writeFileSync(process.env.WR_E2E_PIDFILE, String(server.pid));
  timings.start = Date.now() - t;
  console.log(`[e2e] code-server ${server.url} (pid ${server.pid}) up in ${(timings.start / 1000).toFixed(1)} s; extension ${path.basename(extDir)}`);

  try {
    t = Date.now();
    context = await launchBrowser();
    timings.browser = Date.now() - t;
    if (!opts.only || opts.only === 'host') {
      t = Date.now();
      try {
        await runHostSuite(context, server, extDir, wsHost, opts.grep, resultsFile);
      } catch (e) {
        record('extension-host suite', false, e.stack || e.message);
      }
      timings.host = Date.now() - t;
    }
    if (!opts.only || opts.only === 'ui') {
      t = Date.now();
      const ui = require('./ui');
      await ui.run({ context, server, ws: wsUi, artifacts: ARTIFACTS, record });
      timings.ui = Date.now() - t;
    }
  } finally {
    if (context) await context.close().catch(() => {});
    cleanup();
  }

  for (const f of tally.failures) console.log(`\n[e2e] FAILED: ${f.title}\n${String(f.error || '').split('\n').map((l) => `    ${l}`).join('\n')}`);
  const shots = fs.readdirSync(ARTIFACTS).filter((n) => n.endsWith('.png')).sort();
  if (shots.length) {
    console.log('\n[e2e] screenshots:');
    for (const s of shots) console.log(`  ${path.join(ARTIFACTS, s)}`);
  }
  console.log(`[e2e] logs: ${logFile}`);
  console.log(`[e2e] timings: ${Object.entries(timings).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`).join(', ')}`);
  console.log(`e2e: ${tally.passed} passed, ${tally.failed} failed`);
  process.exitCode = tally.failed > 0 || tally.passed === 0 ? 1 : 0;
}

main().catch((e) => {
  console.error(`[e2e] ${e.stack || e.message}`);
  console.log(`e2e: ${tally.passed} passed, ${tally.failed + 1} failed`);
  process.exit(1);
});
