#!/usr/bin/env node
'use strict';
// Small command-line front to codeServer.js for the shell scripts:
//   node test/e2e/lib/cli.js free-port
//   node test/e2e/lib/cli.js fresh-state NAME            -> prints the state's JSON
//   node test/e2e/lib/cli.js install-vsix NAME VSIX      -> prints the installed extension folder
//   node test/e2e/lib/cli.js wait-healthz URL TIMEOUT_MS -> exit 0 when /healthz answers 200
const cs = require('./codeServer');

async function main([cmd, ...args]) {
  switch (cmd) {
    case 'free-port':
      console.log(await cs.freePort());
      return;
    case 'fresh-state':
      console.log(JSON.stringify(cs.freshState(args[0])));
      return;
    case 'install-vsix': {
      const path = require('node:path');
      const state = {
        dir: path.join(cs.WORK, args[0]), userDataDir: path.join(cs.WORK, args[0], 'u'), extensionsDir: path.join(cs.WORK, args[0], 'x'),
        xdgConfig: path.join(cs.WORK, args[0], 'c'), tmp: path.join(cs.WORK, args[0], 't'),
      };
      console.log(cs.installVsix(state, args[1]));
      return;
    }
    case 'wait-healthz':
      await cs.waitFor(`GET ${args[0]}healthz`, async () => (await cs.httpGet(`${args[0]}healthz`)).status === 200, { timeoutMs: Number(args[1] || 60000), interval: 200 });
      return;
    default:
      throw new Error(`unknown command ${cmd}`);
  }
}
main(process.argv.slice(2)).catch((e) => { console.error(e.message); process.exit(1); });
