#!/usr/bin/env node
// Compiles the TypeScript (tsc, which also type-checks) and runs every test/unit/**/*.test.ts
// with Node's built-in test runner. Extra arguments filter test files by substring:
//   npm run test:unit -- parser      (only files whose path contains "parser")
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
rmSync(join(root, 'out'), { recursive: true, force: true });
const filters = process.argv.slice(2);
// tsc emits even when it finds type errors; a full run fails on them, a filtered run (work in progress) goes on.
const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.json')], { stdio: 'inherit' });
if (tsc.status !== 0 && filters.length === 0) process.exit(tsc.status ?? 1);

function find(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...find(p));
    else if (name.endsWith('.test.js')) out.push(p);
  }
  return out;
}
const files = find(join(root, 'out/test/unit')).filter((f) => filters.length === 0 || filters.some((s) => f.includes(s))).sort();
if (files.length === 0) {
  console.error('no test files matched');
  process.exit(1);
}
const run = spawnSync(process.execPath, ['--test', '--test-concurrency=2', ...files], { stdio: 'inherit', cwd: root });
process.exit(run.status ?? 1);
