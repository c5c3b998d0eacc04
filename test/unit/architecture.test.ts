// The core is pure: it imports nothing from the editor, the LSP libraries or Node's I/O.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const repo = path.resolve(__dirname, '../../..');
const core = path.join(repo, 'server/src/core');

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...tsFiles(p));
    else if (entry.name.endsWith('.ts')) out.push(p);
  }
  return out;
}

test('core modules import only other core modules', () => {
  const files = tsFiles(core);
  assert.ok(files.length > 5, 'found the core sources');
  const offenders: string[] = [];
  const importRe = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const file of files) {
    const src = fs.readFileSync(file, 'utf8');
    for (const m of src.matchAll(importRe)) {
      const spec = m[1] ?? m[2] ?? m[3];
      if (!spec.startsWith('.')) {
        offenders.push(`${path.relative(repo, file)} imports '${spec}'`);
        continue;
      }
      const target = path.resolve(path.dirname(file), spec);
      if (!target.startsWith(core + path.sep) && target !== core) offenders.push(`${path.relative(repo, file)} imports '${spec}' outside the core`);
    }
    if (/\bprocess\.|\b__dirname\b|\bBuffer\./.test(src.replace(/\/\/.*$/gm, ''))) offenders.push(`${path.relative(repo, file)} uses Node globals`);
  }
  assert.deepEqual(offenders, []);
});
