import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadConfig, profileFor, severityOverride, relativeToRoot } from '../../server/src/core/report/config';
import { DEFAULT_PROFILE, DOCUMENT_PROFILE, matchFileName, matchTitle, fileNameFor, titleFor, findSectionSpec, normaliseSectionName } from '../../server/src/core/report/profile';
import { localeFrom } from '../../server/src/core/i18n';

const ROOT = '/ws/docs';
const CFG = ROOT + '/weekly-report.json';

function invalid(text: string, bad: string): void {
  const r = loadConfig(text, CFG);
  assert.equal(r.findings.length, 1, `one finding for ${text}`);
  const f = r.findings[0];
  assert.equal(f.code, 'config.invalid');
  assert.equal(f.severity, 'error');
  assert.equal(text.slice(f.start, f.end), bad, `range of the problem in ${text}: ${f.message}`);
  assert.deepEqual(r.config.profiles, [], 'defaults apply');
  assert.deepEqual(r.config.rules, {});
  assert.match(f.message, /^Invalid configuration, defaults apply: /);
}

test('no configuration: default profile for report-named files, document profile otherwise', () => {
  assert.equal(profileFor(undefined, ROOT + '/status/reports/2017/uke_30.rst', ROOT), DEFAULT_PROFILE);
  assert.equal(profileFor(undefined, ROOT + '/status/reports/2016/2016_uke_22.rst', ROOT), DEFAULT_PROFILE);
  assert.equal(profileFor(undefined, ROOT + '/status/reports/change/week_22.rst', ROOT), DOCUMENT_PROFILE);
  assert.equal(profileFor(undefined, ROOT + '/index.rst', ROOT), DOCUMENT_PROFILE);
  const empty = loadConfig('{}', CFG);
  assert.deepEqual(empty.findings, []);
  assert.equal(profileFor(empty.config, ROOT + '/2019/uke_03.rst'), DEFAULT_PROFILE);
});

test('profiles are chosen by glob relative to the config folder, first match wins, and inherit the default', () => {
  const text = JSON.stringify({
    profiles: [
      { name: 'early', files: ['status/reports/2016/2016_uke_08.rst'], sections: { required: [['Fullført']], allowOthers: true } },
      { name: '2016', files: ['status/reports/2016/*.rst'], date: { format: 'DD. MMMM YYYY' }, sections: { required: [['Fullført'], ['Under arbeid'], [['Planlagt fremdrift', 'Tentative fremdrift']]] } },
      { name: '2015', files: ['status/reports/2015/**'], date: false },
      { name: 'notes', files: ['status/reports/{change,workshop}/*.rst'], kind: 'document' },
      { name: 'en', extends: 'english', files: ['en/**'] },
    ],
    rules: { 'date.window': 'off', section: 'error' },
  });
  const { config, findings } = loadConfig(text, CFG);
  assert.deepEqual(findings, []);
  const p = (rel: string): string => profileFor(config, ROOT + '/' + rel).name;
  assert.equal(p('status/reports/2016/2016_uke_08.rst'), 'early');
  assert.equal(p('status/reports/2016/2016_uke_22.rst'), '2016');
  assert.equal(p('status/reports/2015/2015_uke_40.rst'), '2015');
  assert.equal(p('status/reports/change/week_22.rst'), 'notes');
  assert.equal(p('status/reports/workshop/2016_agenda_1.rst'), 'notes');
  assert.equal(p('status/reports/2017/uke_30.rst'), 'default', 'unmatched report-named file: default');
  assert.equal(p('index.rst'), 'document');
  assert.equal(p('en/week_03.rst'), 'en');
  const y2016 = profileFor(config, ROOT + '/status/reports/2016/2016_uke_22.rst');
  assert.equal(y2016.date?.format, 'DD. MMMM YYYY');
  assert.deepEqual(y2016.date?.window, [0, 2], 'unset keys come from the default');
  assert.equal(y2016.title, 'Uke {week}');
  assert.deepEqual(y2016.sections.required[2], [{ name: 'Planlagt fremdrift', aliases: ['Tentative fremdrift'] }]);
  assert.equal(y2016.sections.allowOthers, false);
  assert.equal(profileFor(config, ROOT + '/status/reports/2015/2015_uke_40.rst').date, undefined);
  assert.equal(profileFor(config, ROOT + '/en/week_03.rst').title, 'Week {week}');
  assert.equal(severityOverride(config, 'date.window'), 'off');
  assert.equal(severityOverride(config, 'section.order'), 'error', 'namespace override');
  assert.equal(severityOverride(config, 'title.no-week'), undefined);
  // two configurations asked in turn: each answers from its own rules (the last one's cache is kept at hand)
  const other = loadConfig('{"rules": {"date.window": "error"}}', ROOT + '/weekly-report.json').config;
  for (let i = 0; i < 3; i++) {
    assert.equal(severityOverride(other, 'date.window'), 'error');
    assert.equal(severityOverride(config, 'date.window'), 'off');
    assert.equal(severityOverride(other, 'section.order'), undefined);
    assert.equal(severityOverride(config, 'section.order'), 'error');
  }
});

test('invalid configurations give one finding with the exact range, and defaults apply', () => {
  invalid('{"profile": []}', '"profile"');
  invalid('{"rules": {"date.window": "loud"}}', '"loud"');
  invalid('{"rules": {"date.window": 1}}', '1');
  invalid('{"rules": []}', '[]');
  invalid('{"rules": {"Date Window": "off"}}', '"Date Window"');
  invalid('{"rules": {"date.widow": "off"}}', '"date.widow"');
  invalid('{"rules": {"style": "off"}}', '"style"');
  invalid('{"profiles": [{"name": "x", "files": "a/**"}]}', '"a/**"');
  invalid('{"profiles": [{"name": "x", "files": []}]}', '[]');
  invalid('{"profiles": [{"name": "x", "files": ["a"], "kind": "memo"}]}', '"memo"');
  invalid('{"profiles": [{"name": "x", "files": ["a"], "title": "Uke"}]}', '"Uke"');
  invalid('{"profiles": [{"name": "x", "files": ["a"], "date": {"window": [2, 0]}}]}', '[2, 0]');
  invalid('{"profiles": [{"name": "x", "files": ["a"], "date": {"when": 1}}]}', '"when"');
  invalid('{"profiles": [{"name": "x", "files": ["a"], "sections": {"required": [[1]]}}]}', '1');
  invalid('{"profiles": [{"name": "x", "files": ["a"], "extends": "nope"}]}', '"nope"');
  invalid('{"profiles": [{"files": ["a"]}]}', '{');
  invalid('{"rules": {"a": "off",}}', '}');
  invalid('{"rules": {"a": "off", "a": "error"}}', '"a"');
  invalid('{"rules": {}} x', 'x');
  invalid('[]', '[]');
  invalid('', '');
  invalid('{"rules": {"a": "of', '"of');
});

test('the list of report rule codes in config.ts is the registered title/date/section rules', () => {
  const { RULES } = require('../../server/src/core/engine') as typeof import('../../server/src/core/engine');
  const { REPORT_RULE_CODES, CODE_NAMESPACES } = require('../../server/src/core/report/config') as typeof import('../../server/src/core/report/config');
  assert.deepEqual([...REPORT_RULE_CODES].sort(), RULES.map((r) => r.code).filter((c) => /^(title|date|section)\./.test(c)).sort());
  for (const r of RULES) assert.ok(CODE_NAMESPACES.includes(r.code.split('.')[0]), r.code);
  const ok = loadConfig('{"rules": {"link.doc-unresolved": "off", "rst": "warning", "date": "error", "section.level": "off"}}', CFG);
  assert.deepEqual(ok.findings, []);
});

test('config.invalid is localised', () => {
  const r = loadConfig('{"x": 1}', CFG, 'nb');
  assert.match(r.findings[0].message, /^Ugyldig konfigurasjon, standardverdiene brukes: .*ukjent nøkkel «x»/);
});

test('file name and title templates', () => {
  assert.deepEqual(matchFileName(DEFAULT_PROFILE, 'uke_08.rst'), { week: 8, year: undefined, template: 'uke_{week}.rst' });
  assert.deepEqual(matchFileName(DEFAULT_PROFILE, '2016_uke_22.rst'), { week: 22, year: 2016, template: '{year}_uke_{week}.rst' });
  assert.equal(matchFileName(DEFAULT_PROFILE, 'week_22.rst'), undefined);
  assert.equal(matchFileName(DEFAULT_PROFILE, 'uke_08.rst.bak'), undefined);
  assert.deepEqual(matchTitle(DEFAULT_PROFILE, 'Uke 08'), { week: 8, weekOffset: 4, weekText: '08' });
  assert.deepEqual(matchTitle(DEFAULT_PROFILE, 'uke  9'), { week: 9, weekOffset: 5, weekText: '9' });
  assert.equal(matchTitle(DEFAULT_PROFILE, 'Endringsuke 22'), undefined);
  assert.equal(matchTitle(DEFAULT_PROFILE, 'Uke 123'), undefined);
  assert.equal(fileNameFor(DEFAULT_PROFILE, 8), 'uke_08.rst');
  assert.equal(fileNameFor(DEFAULT_PROFILE, 8, 2016, '{year}_uke_{week}.rst'), '2016_uke_08.rst');
  assert.equal(titleFor(DEFAULT_PROFILE, 8), 'Uke 8');
  assert.deepEqual(findSectionSpec(DEFAULT_PROFILE, 'utfordringer:'), { group: 1, index: 1, spec: { name: 'Utfordringer' } });
  assert.equal(findSectionSpec(DEFAULT_PROFILE, 'Del 1'), undefined);
});

test('paths relative to the root', () => {
  assert.equal(relativeToRoot('/ws/docs/a/b.rst', '/ws/docs'), 'a/b.rst');
  assert.equal(relativeToRoot('/ws/docsx/a.rst', '/ws/docs'), 'ws/docsx/a.rst');
  assert.equal(relativeToRoot('/a/b.rst', undefined), 'a/b.rst');
});

test('locales', () => {
  for (const t of ['nb', 'no', 'nn', 'nb-NO', 'nb_NO.UTF-8', 'NO']) assert.equal(localeFrom(t), 'nb', t);
  for (const t of ['en', 'en-US', 'de', '', 'sv-SE']) assert.equal(localeFrom(t), 'en', t);
  assert.equal(localeFrom(undefined), 'en');
});

test('the corpus configuration in test/corpus is valid', () => {
  const file = path.resolve(process.cwd(), 'test/corpus/weekly-report.json');
  const r = loadConfig(fs.readFileSync(file, 'utf8'), '/corpus/docs/weekly-report.json');
  assert.deepEqual(r.findings, []);
  const names = (rel: string): string => profileFor(r.config, '/corpus/docs/' + rel).name;
  assert.equal(names('status/reports/2015/2015_uke_40.rst'), '2015');
  assert.equal(names('status/reports/2016/2016_uke_22.rst'), '2016');
  assert.equal(names('status/reports/2017/uke_30.rst'), '2017-2019');
  assert.equal(names('status/reports/2020/uke_08.rst'), '2020-2021');
  assert.equal(names('status/reports/change/week_22.rst'), 'not-a-report');
  assert.equal(names('status/reports/workshop/2016_agenda_1.rst'), 'not-a-report');
  assert.equal(names('index.rst'), 'document');
});

test('normaliseSectionName: its short way for plain headings gives what trimming and collapsing give', () => {
  const general = (s: string) => s.trim().replace(/[:.]$/, '').replace(/\s+/g, ' ').toLowerCase();
  let x = 3;
  const r = () => { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; return x / 4294967296; };
  const parts = ['Status', 'Planlagte', 'aktiviteter', 'Ø', ' ', '  ', '\t', ':', '.', '\u00a0', '\u0085', 'x'];
  let plain = 0;
  for (let i = 0; i < 5000; i++) {
    let s = '';
    for (let n = Math.floor(r() * 5); n > 0; n--) s += parts[Math.floor(r() * parts.length)];
    assert.equal(normaliseSectionName(s), general(s), JSON.stringify(s));
    if (s === s.trim() && !/\s\s|[:.]$/.test(s)) plain++;
  }
  assert.ok(plain > 500, `only ${plain} plain headings`);
});
