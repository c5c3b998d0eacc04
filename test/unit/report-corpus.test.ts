import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { validate } from '../../server/src/core/engine';
import { fixAll } from '../../server/src/core/fix';
import { loadConfig } from '../../server/src/core/report/config';
import { LineIndex } from '../../server/src/core/lineIndex';

// the unit test runner runs from the repository root; the corpus is a sibling of the checkout
const DOCS = path.resolve(process.cwd(), '../shared/corpus/norcams-iaas/docs');
const ROOT = '/corpus/docs';

function rstFiles(dir: string): string[] {
  const out: string[] = [];
  for (const n of fs.readdirSync(dir)) {
    const p = path.join(dir, n);
    if (fs.statSync(p).isDirectory()) out.push(...rstFiles(p));
    else if (n.endsWith('.rst')) out.push(p);
  }
  return out.sort();
}

const config = loadConfig(fs.readFileSync(path.resolve(process.cwd(), 'test/corpus/weekly-report.json'), 'utf8'), ROOT + '/weekly-report.json').config;
const files = rstFiles(DOCS).map((f) => ({ rel: path.relative(DOCS, f).split(path.sep).join('/'), text: fs.readFileSync(f, 'utf8') }));
const REPORT_CODES = /^(title|date|section|engine)\./;

test('report rules on the whole corpus find exactly the known defects', () => {
  assert.ok(files.length >= 250, `corpus files: ${files.length}`);
  const found: string[] = [];
  for (const { rel, text } of files) {
    const lines = new LineIndex(text);
    for (const f of validate({ text, path: `${ROOT}/${rel}`, config, root: ROOT })) {
      if (!REPORT_CODES.test(f.code)) continue;
      found.push(`${rel}:${lines.positionAt(f.start).line + 1} ${f.code} ${text.slice(f.start, f.end)}`);
    }
  }
  assert.deepEqual(found, [
    'status/reports/2016/2016_uke_22.rst:4 date.window 06. mai 2016',
    'status/reports/2018/uke_03.rst:45 section.duplicate Annet',
    'status/reports/2018/uke_03.rst:59 section.empty Utfordringer',
    'status/reports/2018/uke_05.rst:33 section.empty Utfordringer',
    'status/reports/2018/uke_18.rst:27 section.level Utfordringer',
    'status/reports/2020/uke_08.rst:5 date.window 6.mai  2026',
    'status/reports/2020/uke_08.rst:5 date.format   ',
    'status/reports/2020/uke_08.rst:5 date.year 2026',
  ]);
});

test('without a configuration, the 2017–2019 reports are clean under the default profile', () => {
  for (const { rel, text } of files.filter((f) => /reports\/201[79]\//.test(f.rel))) {
    const codes = validate({ text, path: `${ROOT}/${rel}`, root: ROOT }).filter((f) => REPORT_CODES.test(f.code)).map((f) => f.code);
    assert.deepEqual(codes, [], rel);
  }
});

test('fix-all on the defective reports removes their report findings and adds none', () => {
  for (const rel of ['status/reports/2016/2016_uke_22.rst', 'status/reports/2018/uke_03.rst', 'status/reports/2018/uke_05.rst', 'status/reports/2018/uke_18.rst', 'status/reports/2020/uke_08.rst']) {
    const { text } = files.find((f) => f.rel === rel)!;
    const input = { text, path: `${ROOT}/${rel}`, config, root: ROOT };
    const before = validate(input);
    const out = fixAll(input);
    const left = out.findings.filter((f) => REPORT_CODES.test(f.code) && f.code !== 'section.duplicate').map((f) => f.code);
    assert.deepEqual(left, [], `${rel}: fixable report findings left`);
    for (const code of new Set(out.findings.map((f) => f.code))) {
      const n = (fs2: typeof before): number => fs2.filter((f) => f.code === code).length;
      assert.ok(n(out.findings) <= n(before), `${rel}: fix-all added ${code}`);
    }
    assert.ok(out.fixed >= 1, rel);
  }
});

test('report rules never fail and their fixes always apply, on damaged reports', () => {
  const { applyEdits } = require('../../server/src/core/fix') as typeof import('../../server/src/core/fix');
  const reports = files.filter((f) => /reports\/20\d\d\/.*uke_\d\d\.rst$/.test(f.rel));
  let seed = 12345;
  const rnd = (n: number): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  let checked = 0;
  for (let k = 0; k < 150; k++) {
    const { rel, text } = reports[rnd(reports.length)];
    const lines = text.split('\n');
    // damage: drop, duplicate or truncate lines, or cut the text anywhere
    const op = rnd(4);
    let damaged: string;
    if (op === 0) damaged = text.slice(0, rnd(text.length + 1));
    else if (op === 1) { const i = rnd(lines.length); damaged = [...lines.slice(0, i), ...lines.slice(i + 1 + rnd(3))].join('\n'); }
    else if (op === 2) { const i = rnd(lines.length); damaged = [...lines.slice(0, i + 1), lines[i], ...lines.slice(i + 1)].join('\n'); }
    else { const i = rnd(Math.min(12, lines.length)); damaged = [...lines.slice(0, i), lines[i].slice(0, rnd(lines[i].length + 1)), ...lines.slice(i + 1)].join('\n'); }
    const findings = validate({ text: damaged, path: `${ROOT}/${rel}`, config, root: ROOT });
    for (const f of findings) {
      assert.notEqual(f.code, 'engine.rule-failed', `${rel} (${op}): ${f.message}`);
      assert.ok(f.start >= 0 && f.start <= f.end && f.end <= damaged.length, `${f.code} range`);
      if (REPORT_CODES.test(f.code)) for (const fix of f.fixes) applyEdits(damaged, fix.edits);
    }
    checked++;
  }
  assert.equal(checked, 150);
});
