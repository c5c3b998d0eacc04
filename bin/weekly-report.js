#!/usr/bin/env node
'use strict';
// The `weekly-report` command (package.json "bin"): runs the bundled CLI from dist/.
const path = require('path');
const fs = require('fs');
const cli = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(cli)) {
  process.stderr.write(`weekly-report: ${cli} is missing; build it first with "npm run build"\n`);
  process.exit(2);
}
require(cli).run();
