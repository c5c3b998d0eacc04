'use strict';
// Helpers shared by `npm start` (scripts/start.sh) and the end-to-end driver (test/e2e/run.js):
// a fresh code-server state inside .work/, a free port, start/stop by PID, waits with timeouts.
// Plain Node (no dependencies) so it runs before anything is built.
const fs = require('node:fs');
const path = require('node:path');
const net = require('node:net');
const http = require('node:http');
const { spawn, spawnSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '../../..');
const WORK = path.join(ROOT, '.work');
const CODE_SERVER = path.join(WORK, 'tools/node_modules/.bin/code-server');
const EXTENSION_ID = 'weekly-report.weekly-report';

/** A TCP port nobody listens on right now (the OS picks it). */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Poll `check` (sync or async; a truthy result ends the wait) every `interval` ms until `timeoutMs`.
 * On timeout, throws an Error naming `what` was waited for, plus the last error/result seen.
 */
async function waitFor(what, check, { timeoutMs = 30000, interval = 100 } = {}) {
  const t0 = Date.now();
  let last;
  for (;;) {
    try {
      const r = await check();
      if (r) return r;
      last = r;
    } catch (e) {
      last = e;
    }
    if (Date.now() - t0 > timeoutMs) {
      const detail = last instanceof Error ? last.message : JSON.stringify(last);
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${detail !== undefined ? ` (last: ${detail})` : ''}`);
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

function httpGet(url, timeoutMs = 2000) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { timeout: timeoutMs }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode, body }));
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${url} timed out`)));
    req.on('error', reject);
  });
}

/**
 * Fresh code-server state under .work/<name>: user-data, extensions, XDG config, a short TMPDIR
 * (VS Code's IPC socket paths must stay under 108 characters), and the user settings.
 */
function freshState(name, extraSettings = {}) {
  const dir = path.join(WORK, name);
  fs.rmSync(dir, { recursive: true, force: true });
  const state = {
    dir,
    userDataDir: path.join(dir, 'u'),
    extensionsDir: path.join(dir, 'x'),
    xdgConfig: path.join(dir, 'c'),
    tmp: path.join(dir, 't'),
  };
  for (const d of [state.userDataDir, state.extensionsDir, state.xdgConfig, state.tmp]) fs.mkdirSync(d, { recursive: true });
  const settingsDir = path.join(state.userDataDir, 'User');
  fs.mkdirSync(settingsDir, { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'git.enabled': false,
    'security.workspace.trust.enabled': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'telemetry.telemetryLevel': 'off',
    'workbench.enableExperiments': false,
    'workbench.tips.enabled': false,
    'update.mode': 'none',
    ...extraSettings,
  };
  fs.writeFileSync(path.join(settingsDir, 'settings.json'), JSON.stringify(settings, null, 2) + '\n');
  return state;
}

function env(state, extra = {}) {
  return {
    ...process.env,
    XDG_CONFIG_HOME: state.xdgConfig,
    XDG_DATA_HOME: path.join(state.dir, 'd'),
    TMPDIR: state.tmp,
    ...extra,
  };
}

/** Install a VSIX into the state's extensions folder (code-server CLI, no server running). */
function installVsix(state, vsix) {
  if (!fs.existsSync(CODE_SERVER)) throw new Error(`code-server is not installed at ${CODE_SERVER}; run bash scripts/tools/ensure.sh`);
  const r = spawnSync(CODE_SERVER, [
    '--user-data-dir', state.userDataDir,
    '--extensions-dir', state.extensionsDir,
    '--install-extension', vsix, '--force',
  ], { env: env(state), encoding: 'utf8', timeout: 120000 });
  if (r.status !== 0) throw new Error(`installing ${vsix} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  const installed = fs.readdirSync(state.extensionsDir).find((n) => n.startsWith(`${EXTENSION_ID}-`));
  if (!installed) throw new Error(`${vsix} did not land in ${state.extensionsDir}:\n${r.stdout}\n${r.stderr}`);
  return path.join(state.extensionsDir, installed);
}

/** Copy a folder (the example workspace) to a fresh place. */
function copyDir(from, to) {
  fs.rmSync(to, { recursive: true, force: true });
  fs.cpSync(from, to, { recursive: true });
  return to;
}

/**
 * Start code-server on 127.0.0.1:port with no auth, in its own process group (so stop() ends its
 * children too). Resolves once GET /healthz answers; rejects (after stopping it) on timeout or exit.
 */
async function start(state, { port, logFile, timeoutMs = 60000, extraEnv = {} } = {}) {
  if (!fs.existsSync(CODE_SERVER)) throw new Error(`code-server is not installed at ${CODE_SERVER}; run bash scripts/tools/ensure.sh`);
  port = port || (await freePort());
  const log = fs.openSync(logFile || path.join(state.dir, 'code-server.log'), 'a');
  const child = spawn(CODE_SERVER, [
    '--user-data-dir', state.userDataDir,
    '--extensions-dir', state.extensionsDir,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
  ], { env: env(state, extraEnv), stdio: ['ignore', log, log], detached: true });
  fs.closeSync(log);
  const server = { child, pid: child.pid, port, url: `http://127.0.0.1:${port}/`, exited: false, exitCode: null };
  child.on('exit', (code, signal) => { server.exited = true; server.exitCode = code ?? signal; });
  try {
    await waitFor(`code-server /healthz on port ${port} (log: ${logFile || path.join(state.dir, 'code-server.log')})`, async () => {
      if (server.exited) throw new Error(`code-server exited with ${server.exitCode}`);
      const r = await httpGet(`${server.url}healthz`);
      return r.status === 200;
    }, { timeoutMs, interval: 200 });
  } catch (e) {
    stop(server);
    throw e;
  }
  return server;
}

/** Kill code-server and everything it started (its process group), by PID. Idempotent and
 * synchronous (it also runs from process.on('exit')): SIGTERM, up to 5 s for the group to go, SIGKILL. */
function stop(server) {
  if (!server || server.stopped) return;
  server.stopped = true;
  const alive = () => { try { process.kill(-server.pid, 0); return true; } catch { return false; } };
  try { process.kill(-server.pid, 'SIGTERM'); } catch { return; }
  const tick = new Int32Array(new SharedArrayBuffer(4));
  const t0 = Date.now();
  while (alive() && Date.now() - t0 < 5000) Atomics.wait(tick, 0, 0, 50); // poll the condition every 50 ms
  if (alive()) {
    console.error(`[e2e] code-server group ${server.pid} still alive 5 s after SIGTERM: SIGKILL`);
    try { process.kill(-server.pid, 'SIGKILL'); } catch { /* gone */ }
  }
}

module.exports = { ROOT, WORK, CODE_SERVER, EXTENSION_ID, freePort, waitFor, httpGet, freshState, env, installVsix, copyDir, start, stop };
