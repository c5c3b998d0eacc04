import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleTester } from './ruleTester';
import { report, PATH_2017_30 } from './reportText';
import { rule as missing } from '../../server/src/core/rules/section-missing';
import { rule as order, keptInOrder } from '../../server/src/core/rules/section-order';
import { rule as empty } from '../../server/src/core/rules/section-empty';
import { rule as duplicate } from '../../server/src/core/rules/section-duplicate';
import { rule as level } from '../../server/src/core/rules/section-level';
import { rule as unexpected } from '../../server/src/core/rules/section-unexpected';
import { validate } from '../../server/src/core/engine';
import { fixAll } from '../../server/src/core/fix';

const P = PATH_2017_30;
const S = {
  status: 'Status\n======\n\nLitt status.\n',
  plan: 'Planlagte aktiviteter\n=====================\n\n- Mer arbeid\n',
  chal: 'Utfordringer\n============\n\nIngen.\n',
  annet: 'Annet\n=====\n\n- Se Trello\n',
};
const body = (...parts: string[]): string => parts.join('\n');
const withBody = (...parts: string[]): string => report({ body: body(...parts) });

ruleTester(missing, {
  valid: [
    { text: report(), path: P },
    { text: withBody(S.status, S.chal, S.plan, S.annet), path: P, name: 'the middle group in either order' },
    { text: withBody(S.status, 'Del 1\n~~~~~\n\nA.\n', S.plan, S.chal, S.annet), path: P, name: 'subsections are fine' },
    { text: withBody(S.status, S.annet), path: '/docs/status/reports/2020/uke_30.rst', config: '{"profiles": [{"name": "free", "files": ["status/reports/2020/*"], "sections": {"required": [], "allowOthers": true}}]}', name: 'free-form profile' },
    { text: withBody(S.status, S.annet), path: '/docs/status/reports/change/week_30.rst', name: 'not a report' },
  ],
  invalid: [
    {
      name: 'Utfordringer missing: inserted after Planlagte aktiviteter',
      text: withBody(S.status, S.plan, S.annet),
      path: P,
      errors: [{ code: 'section.missing', line: 2, message: 'The required section “Utfordringer” is missing.' }],
      output: withBody(S.status, S.plan, 'Utfordringer\n============\n\nIngen.\n', S.annet),
    },
    {
      name: 'Status missing: inserted first',
      text: withBody(S.plan, S.chal, S.annet),
      path: P,
      errors: [{ code: 'section.missing', message: '“Status”' }],
      output: withBody('Status\n======\n\nIngen.\n', S.plan, S.chal, S.annet),
    },
    {
      name: 'Annet missing: appended at the end',
      text: withBody(S.status, S.plan, S.chal),
      path: P,
      errors: [{ code: 'section.missing', message: '“Annet”' }],
      output: withBody(S.status, S.plan, S.chal, 'Annet\n=====\n\nIngen.\n'),
    },
    {
      name: 'two missing, Norwegian messages; both inserted',
      text: withBody(S.status, S.chal),
      path: P,
      locale: 'nb',
      errors: [
        { code: 'section.missing', message: 'Den påkrevde seksjonen «Planlagte aktiviteter» mangler.' },
        { code: 'section.missing', message: '«Annet»' },
      ],
      output: withBody(S.status, S.chal, 'Planlagte aktiviteter\n=====================\n\nIngen.\n\nAnnet\n=====\n\nIngen.\n'),
    },
    {
      name: 'text without a final line break',
      text: withBody(S.status, S.plan, S.chal).replace(/\n$/, ''),
      path: P,
      errors: [{ code: 'section.missing' }],
      output: withBody(S.status, S.plan, S.chal, 'Annet\n=====\n\nIngen.\n'),
    },
    {
      name: 'overline style of the report sections is kept',
      text: '======\nUke 30\n======\n\nav R, UH IaaS, 31.juli 2017\n\n------\nStatus\n------\n\nA.\n\n------------\nUtfordringer\n------------\n\nB.\n\n-----\nAnnet\n-----\n\nC.\n',
      path: P,
      errors: [{ code: 'section.missing', message: 'Planlagte aktiviteter' }],
      output: '======\nUke 30\n======\n\nav R, UH IaaS, 31.juli 2017\n\n------\nStatus\n------\n\nA.\n\n------------\nUtfordringer\n------------\n\nB.\n\n---------------------\nPlanlagte aktiviteter\n---------------------\n\nIngen.\n\n-----\nAnnet\n-----\n\nC.\n',
    },
    {
      name: '2015 era: aliases accepted, others allowed',
      text: '======\nUke 41\n======\n\nImplementasjon\n==============\n\nA.\n\nPågående aktiviteter\n====================\n\nB.\n\nReferanser\n==========\n\nC.\n',
      path: '/docs/status/reports/2015/2015_uke_41.rst',
      config: '{"profiles": [{"name": "2015", "files": ["status/reports/2015/*"], "date": false, "sections": {"required": [["Implementasjon"], [["Aktiviteter", "Pågående aktiviteter"]], ["Kommende aktiviteter"]], "allowOthers": true}}]}',
      errors: [{ code: 'section.missing', message: 'Kommende aktiviteter' }],
      output: '======\nUke 41\n======\n\nImplementasjon\n==============\n\nA.\n\nPågående aktiviteter\n====================\n\nB.\n\nKommende aktiviteter\n====================\n\nIngen.\n\nReferanser\n==========\n\nC.\n',
    },
  ],
});

ruleTester(order, {
  valid: [{ text: report(), path: P }, { text: withBody(S.status, S.chal, S.plan, S.annet), path: P }],
  invalid: [
    {
      name: 'Annet first: moved to the end',
      text: withBody(S.annet, S.status, S.plan, S.chal),
      path: P,
      errors: [{ code: 'section.order', message: 'The section “Annet” should come after “Utfordringer”.' }],
      output: report(),
    },
    {
      name: 'Status last: moved to the front, no blank lines left at the end',
      text: withBody(S.plan, S.chal, S.annet, S.status),
      path: P,
      errors: [{ code: 'section.order', message: 'The section “Status” should come before “Planlagte aktiviteter”.' }],
      output: withBody(S.status, S.plan, S.chal, S.annet),
    },
    {
      name: 'moved with its subsections',
      text: withBody(S.status, S.annet + '\nDel 1\n-----\n\nX.\n', S.plan, S.chal),
      path: P,
      locale: 'nb',
      errors: [{ code: 'section.order', message: 'Seksjonen «Annet» skal komme etter «Utfordringer».' }],
      output: withBody(S.status, S.plan, S.chal, S.annet + '\nDel 1\n-----\n\nX.\n'),
    },
    {
      name: 'two out of place',
      text: withBody(S.annet, S.chal, S.status, S.plan),
      path: P,
      errors: [{ code: 'section.order', message: '“Annet”' }, { code: 'section.order', message: '“Utfordringer”' }],
      output: withBody(S.status, S.plan, S.chal, S.annet),
    },
  ],
});

test('keptInOrder keeps a longest non-decreasing run', () => {
  assert.deepEqual([...keptInOrder([2, 0, 1, 1])].sort(), [1, 2, 3]);
  assert.deepEqual([...keptInOrder([0, 1, 2])].sort(), [0, 1, 2]);
  assert.deepEqual([...keptInOrder([])], []);
  assert.equal(keptInOrder([1, 1, 0, 2, 2]).size, 4);
  const big = Array.from({ length: 100000 }, (_, i) => (i * 7919) % 3);
  const t = Date.now();
  keptInOrder(big);
  assert.ok(Date.now() - t < 500, 'linearithmic');
});

ruleTester(empty, {
  valid: [
    { text: report(), path: P },
    { text: withBody(S.status, 'Planlagte aktiviteter\n=====================\n\nDel 1\n~~~~~\n\nA.\n', S.chal, S.annet), path: P, name: 'only subsections is not empty' },
    { text: withBody(S.status, S.plan, 'Utfordringer\n============\n', S.annet), path: P, config: '{"profiles": [{"name": "x", "files": ["**"], "sections": {"nonEmpty": false}}]}', name: 'allowed by the profile' },
  ],
  invalid: [
    {
      name: 'empty Utfordringer (2018/uke_03, uke_05)',
      text: withBody(S.status, S.plan, 'Utfordringer\n============\n\n', S.annet),
      path: P,
      errors: [{ code: 'section.empty', line: 17, message: 'The section “Utfordringer” is empty.' }],
      output: withBody(S.status, S.plan, 'Utfordringer\n============\n\nIngen.\n\n', S.annet),
    },
    {
      name: 'a comment is not content; last section at the end of the file',
      text: withBody(S.status, S.plan, S.chal, 'Annet\n=====\n\n.. todo later\n'),
      path: P,
      errors: [{ code: 'section.empty', message: '“Annet”' }],
      output: withBody(S.status, S.plan, S.chal, 'Annet\n=====\n\nIngen.\n\n.. todo later\n'),
    },
    {
      name: 'empty at the very end',
      text: withBody(S.status, S.plan, S.chal, 'Annet\n=====\n'),
      path: P,
      errors: [{ code: 'section.empty', message: '“Annet”' }],
      output: withBody(S.status, S.plan, S.chal, 'Annet\n=====\n\nIngen.\n'),
    },
  ],
});

ruleTester(duplicate, {
  valid: [{ text: report(), path: P }, { text: withBody(S.status + '\nDel 1\n~~~~~\n\nA.\n', S.plan + '\nDel 1\n~~~~~\n\nB.\n', S.chal, S.annet), path: P, name: 'same subsection name under different sections' }],
  invalid: [
    {
      name: 'Annet as a subsection of Status and as a section (2018/uke_03)',
      text: withBody(S.status + '\nAnnet\n-----\n\nNoe annet.\n', S.plan, S.chal, S.annet),
      path: P,
      errors: [{ code: 'section.duplicate', line: 12, message: 'The heading “Annet” appears more than once (also on line 27).' }],
      output: null,
    },
    {
      name: 'two report-level sections with the same name',
      text: withBody(S.status, S.plan, S.plan, S.chal, S.annet),
      path: P,
      errors: [{ code: 'section.duplicate', line: 17 }],
    },
    {
      name: 'other sections, when allowed',
      text: withBody(S.status, 'Diverse\n=======\n\nA.\n', 'Diverse\n=======\n\nB.\n', S.plan, S.chal, S.annet),
      path: P,
      config: '{"profiles": [{"name": "x", "files": ["**"], "sections": {"allowOthers": true}}]}',
      errors: [{ code: 'section.duplicate', message: '“Diverse”' }],
    },
  ],
});

ruleTester(level, {
  valid: [{ text: report(), path: P }],
  invalid: [
    {
      name: 'Utfordringer under Status (2018/uke_18)',
      text: withBody(S.status + '\nUtfordringer\n~~~~~~~~~~~~\n\nMye.\n', S.plan, S.annet),
      path: P,
      errors: [{ code: 'section.level', line: 12, message: 'The section “Utfordringer” is at level 3; it should be a top-level section of the report (level 2, underlined with “=”).' }],
      output: withBody(S.status + '\nUtfordringer\n============\n\nMye.\n', S.plan, S.annet),
    },
    {
      name: 'a required section outside the title (same style as the title)',
      text: withBody(S.status, S.plan, S.chal) + '\n=====\nAnnet\n=====\n\nC.\n',
      path: P,
      errors: [{ code: 'section.level', message: 'level 1' }],
      output: withBody(S.status, S.plan, S.chal) + '\nAnnet\n=====\n\nC.\n',
    },
  ],
});

ruleTester(unexpected, {
  valid: [
    { text: report(), path: P },
    { text: withBody(S.status, 'Diverse\n=======\n\nA.\n', S.plan, S.chal, S.annet), path: P, config: '{"profiles": [{"name": "x", "files": ["**"], "sections": {"allowOthers": true}}]}' },
  ],
  invalid: [
    {
      text: withBody(S.status, 'Diverse\n=======\n\nA.\n', S.plan, S.chal, S.annet),
      path: P,
      errors: [{ code: 'section.unexpected', message: 'The section “Diverse” is not one of the report’s sections' }],
      output: null,
    },
  ],
});

test('fix-all turns a skeleton into a complete report with no section or date finding left', () => {
  const text = '======\nUke 30\n======\n\nStatus\n======\n\nA.\n';
  const out = fixAll({ text, path: P });
  assert.equal(out.findings.filter((f) => /^(title|date|section)\./.test(f.code)).length, 0, out.findings.map((f) => f.code).join());
  assert.equal(
    out.text,
    '======\nUke 30\n======\n\nav NAVN, ORGANISASJON, 31.juli 2017\n\nStatus\n======\n\nA.\n\nPlanlagte aktiviteter\n=====================\n\nIngen.\n\nUtfordringer\n============\n\nIngen.\n\nAnnet\n=====\n\nIngen.\n',
  );
});

test('severity overrides and document profiles through the engine', () => {
  const text = withBody(S.status, S.plan, S.annet);
  const base = validate({ text, path: P }).find((f) => f.code === 'section.missing');
  assert.equal(base?.severity, 'error');
  const { loadConfig } = require('../../server/src/core/report/config') as typeof import('../../server/src/core/report/config');
  const warn = loadConfig('{"rules": {"section.missing": "hint"}}', '/docs/weekly-report.json').config;
  assert.equal(validate({ text, path: P, config: warn }).find((f) => f.code === 'section.missing')?.severity, 'hint');
  const off = loadConfig('{"rules": {"section": "off"}}', '/docs/weekly-report.json').config;
  assert.equal(validate({ text, path: P, config: off }).filter((f) => f.code.startsWith('section.')).length, 0);
  const doc = loadConfig('{"profiles": [{"name": "d", "files": ["status/**"], "kind": "document"}]}', '/docs/weekly-report.json').config;
  assert.equal(validate({ text, path: P, config: doc }).filter((f) => /^(title|date|section)\./.test(f.code)).length, 0);
});

test('section.duplicate replaces the parser note on the same heading text', () => {
  const text = withBody(S.status + '\nAnnet\n-----\n\nNoe annet.\n', S.plan, S.chal, S.annet);
  const codes = validate({ text, path: P }).map((f) => f.code);
  assert.ok(codes.includes('section.duplicate'));
  assert.ok(!codes.includes('rst.duplicate-implicit-target'), codes.join());
  // on a document (no report rules) the parser's note stays, if the parser reports it
  const doc = validate({ text, path: '/docs/notes.rst' }).map((f) => f.code);
  assert.ok(!doc.includes('section.duplicate'));
});
