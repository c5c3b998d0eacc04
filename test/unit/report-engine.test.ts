import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validate, RULES, analyse } from '../../server/src/core/engine';
import { applyEdits, fixAll, nonOverlappingFixEdits } from '../../server/src/core/fix';
import { RULE_LIST } from '../../server/src/core/rules/index';
import type { Rule } from '../../server/src/core/rules/rule';
import { report, PATH_2017_30 } from './reportText';

const P = PATH_2017_30;

test('RULES: every rule has a unique namespaced code, both languages, metadata first', () => {
  const codes = RULES.map((r) => r.code);
  assert.equal(new Set(codes).size, codes.length, 'unique codes');
  for (const r of RULES) {
    assert.match(r.code, /^(title|date|section|link|rst|text)\.[a-z0-9-]+$/, r.code);
    assert.ok(r.description.en && r.description.nb, `${r.code} descriptions`);
    assert.ok(['error', 'warning', 'information', 'hint'].includes(r.severity));
    assert.ok(r.scope === 'report' || r.scope === 'all');
  }
  for (const code of ['title.no-week', 'title.week-mismatch', 'title.adornment', 'date.missing', 'date.unparsable', 'date.window', 'date.year', 'section.missing', 'section.order', 'section.empty', 'section.duplicate', 'section.level']) {
    assert.ok(codes.includes(code), code);
  }
  assert.equal(RULES.length, RULE_LIST.length);
});

test('a failing rule becomes one engine.rule-failed finding; the others still run', () => {
  const boom: Rule = {
    meta: { code: 'text.boom', description: { en: 'x', nb: 'x' }, severity: 'hint', fixable: false, scope: 'all' },
    check() { throw new Error('kaboom'); },
  };
  const findings = validate({ text: report({ title: 'Uke 31' }), path: P, rules: [boom, ...RULE_LIST] });
  const failed = findings.filter((f) => f.code === 'engine.rule-failed');
  assert.equal(failed.length, 1);
  assert.match(failed[0].message, /text\.boom failed: kaboom/);
  assert.ok(findings.some((f) => f.code === 'title.week-mismatch'));
});

test('findings are sorted by position and localised; fix titles too', () => {
  const text = report({ title: 'Uke 31', date: 'av R, UH IaaS, 31.juli  2016' });
  const en = validate({ text, path: P });
  for (let i = 1; i < en.length; i++) assert.ok(en[i - 1].start <= en[i].start, 'sorted');
  const nb = validate({ text, path: P, locale: 'nb' });
  assert.deepEqual(nb.map((f) => f.code), en.map((f) => f.code));
  const wm = nb.find((f) => f.code === 'title.week-mismatch')!;
  assert.match(wm.message, /^Tittelen sier uke 31/);
  assert.match(wm.fixes[0].title, /^Sett uka i tittelen til 30/);
  assert.equal(wm.fixes[1].rename?.to, '/docs/status/reports/2017/uke_31.rst');
});

test('report rules run only on reports; the parse can be passed in', () => {
  const text = report({ title: 'Notater' });
  const a = analyse({ text, path: '/docs/notes.rst' });
  assert.equal(a.report, undefined);
  assert.equal(a.profile.kind, 'document');
  assert.deepEqual(validate({ text, path: '/docs/notes.rst', parsed: a.parsed }).filter((f) => /^(title|date|section)\./.test(f.code)), []);
  const r = analyse({ text: report(), path: P });
  assert.equal(r.report?.title?.week, 30);
  assert.equal(r.report?.file.week, 30);
  assert.equal(r.report?.year, 2017);
  assert.deepEqual(r.report?.sections.map((s) => s.name), ['Status', 'Planlagte aktiviteter', 'Utfordringer', 'Annet']);
  assert.equal(r.report?.dateLine?.line.date.date?.day, 31);
  const ws = report().indexOf('30');
  assert.deepEqual(r.report?.title?.weekSpan, { start: ws, end: ws + 2 });
});

test('applyEdits applies back to front and refuses overlaps and out-of-range edits', () => {
  assert.equal(applyEdits('abcdef', [{ start: 4, end: 5, newText: 'E' }, { start: 0, end: 1, newText: 'AA' }, { start: 2, end: 2, newText: '+' }]), 'AAb+cdEf');
  assert.equal(applyEdits('ab', [{ start: 1, end: 1, newText: 'x' }, { start: 1, end: 1, newText: 'y' }]), 'axyb', 'insertions at one offset keep their order');
  assert.throws(() => applyEdits('abcdef', [{ start: 0, end: 3, newText: '' }, { start: 2, end: 4, newText: '' }]), /overlapping/);
  assert.throws(() => applyEdits('abc', [{ start: 2, end: 9, newText: '' }]), /outside/);
  const picked = nonOverlappingFixEdits([
    { code: 'a', severity: 'error', message: '', start: 0, end: 1, fixes: [{ title: 'x', edits: [{ start: 0, end: 2, newText: '' }], isPreferred: true }] },
    { code: 'b', severity: 'error', message: '', start: 1, end: 2, fixes: [{ title: 'y', edits: [{ start: 1, end: 3, newText: '' }], isPreferred: true }] },
    { code: 'c', severity: 'error', message: '', start: 5, end: 6, fixes: [{ title: 'z', edits: [{ start: 5, end: 6, newText: '' }] }] },
  ]);
  assert.equal(picked.count, 1, 'overlapping and non-preferred fixes are left for later');
});

test('fixAll stops when nothing changes and reports how many fixes it applied', () => {
  const clean = fixAll({ text: report(), path: P });
  assert.equal(clean.fixed, 0);
  assert.equal(clean.text, report());
  const messy = report({ title: 'Uke 31', date: 'av R, UH IaaS, 31.juli  2016', body: 'Annet\n=====\n\nA.\n\nStatus\n======\n\nS.\n' });
  const out = fixAll({ text: messy, path: P });
  assert.ok(out.fixed >= 4, `fixed ${out.fixed}`);
  assert.deepEqual(out.findings.filter((f) => /^(title|date|section)\./.test(f.code)).map((f) => f.code), []);
  assert.equal(fixAll({ text: messy, path: P }, 1).fixed < out.fixed, true, 'maxPasses bounds the work');
});
