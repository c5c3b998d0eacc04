import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validate } from '../../server/src/core/engine';
import { ruleTester } from './ruleTester';
import { report, PATH_2017_30 } from './reportText';
import { rule as noWeek } from '../../server/src/core/rules/title-missing-week';
import { rule as mismatch } from '../../server/src/core/rules/title-week-mismatch';
import { rule as adornment } from '../../server/src/core/rules/title-adornment';

const P = PATH_2017_30;
/** A team whose titles and sections are written in wide characters (6 columns: 第 and 週 take two each). */
const JA_CONFIG = JSON.stringify({ profiles: [{ name: 'ja', files: ['reports/**/uke_*.rst'], title: '第{week}週', date: false, sections: { required: [], allowOthers: true } }] });

ruleTester(noWeek, {
  valid: [
    { text: report(), path: P },
    { text: report({ title: 'Uke 08' }), path: '/docs/status/reports/2017/uke_08.rst', name: 'leading zero' },
    { text: report({ title: 'Ukerapport' }), path: '/docs/index.rst', name: 'not a report: no title rules' },
  ],
  invalid: [
    {
      text: report({ title: 'Ukerapport' }),
      path: P,
      errors: [{ code: 'title.no-week', line: 2, column: 1, message: 'The title “Ukerapport” does not start with the week (“Uke 30”).' }],
      output: report({ title: 'Uke 30', over: '==========' }),
    },
    {
      name: 'adornment lengthened when the new title is longer',
      text: report({ title: 'Rapport', over: '=======' }).replace('Uke 30', 'Uke 30'),
      path: '/docs/status/reports/2017/uke_30.rst',
      errors: [{ code: 'title.no-week', line: 2 }],
      output: report({ title: 'Uke 30', over: '=======' }),
    },
    {
      name: 'the week elsewhere in the title: the fix writes the profile title',
      text: report({ title: 'Rapport for uke 30' }),
      path: P,
      errors: [{ code: 'title.no-week', message: '“Rapport for uke 30”' }],
      output: report({ title: 'Uke 30', over: '==================' }),
    },
    {
      name: 'a wide-character title template: the adornments as wide as the new title',
      text: '=====\n報告書\n=====\n\nText.\n',
      path: '/docs/reports/2026/uke_48.rst',
      config: JA_CONFIG,
      errors: [{ code: 'title.no-week' }],
      output: '======\n第48週\n======\n\nText.\n',
    },
    {
      name: 'Norwegian message',
      text: report({ title: 'Status' }),
      path: P,
      locale: 'nb',
      errors: [{ code: 'title.no-week', message: 'Tittelen «Status» begynner ikke med uka («Uke 30»).' }],
    },
  ],
});

ruleTester(mismatch, {
  valid: [
    { text: report(), path: P },
    { text: '======\n第48週\n======\n\nText.\n', path: '/docs/reports/2026/uke_48.rst', config: JA_CONFIG, name: 'a wide-character title of the right week' },
    { text: report({ title: 'Uke 22', date: 'av R, UH IaaS, 06. juni 2016' }), path: '/docs/status/reports/2016/2016_uke_22.rst' },
  ],
  invalid: [
    {
      text: report({ title: 'Uke 31' }),
      path: P,
      errors: [{ code: 'title.week-mismatch', line: 2, column: 5, end: 7 + 4 + 2, message: 'The title says week 31, but the file name uke_30.rst says week 30.' }],
      output: report({ title: 'Uke 30' }),
    },
    {
      name: 'a wide-character title: a longer week lengthens the adornments by its columns',
      text: '=====\n第9週\n=====\n\nText.\n',
      path: '/docs/reports/2026/uke_48.rst',
      config: JA_CONFIG,
      errors: [{ code: 'title.week-mismatch' }],
      output: '======\n第48週\n======\n\nText.\n',
    },
    {
      name: 'shorter week keeps the adornment; the rename fix proposes uke_10.rst',
      text: report({ title: 'Uke 10', date: 'av R, UH IaaS, 14.mars 2017' }),
      path: '/docs/status/reports/2017/uke_09.rst',
      errors: [{ code: 'title.week-mismatch', message: 'week 10' }],
      output: report({ title: 'Uke 9', over: '======', date: 'av R, UH IaaS, 14.mars 2017' }),
    },
    {
      name: 'longer week lengthens both adornments',
      text: report({ title: 'Uke 9', date: 'av R, UH IaaS, 14.mars 2017', over: '=====' }),
      path: '/docs/status/reports/2017/uke_10.rst',
      errors: [{ code: 'title.week-mismatch' }],
      output: report({ title: 'Uke 10', date: 'av R, UH IaaS, 14.mars 2017' }),
    },
    {
      name: 'zero padding kept',
      text: report({ title: 'Uke 08', date: 'av R, NREC, 2. mars 2020' }),
      path: '/docs/status/reports/2020/uke_09.rst',
      errors: [{ code: 'title.week-mismatch' }],
      output: report({ title: 'Uke 09', date: 'av R, NREC, 2. mars 2020' }),
    },
    {
      name: 'year in the file name',
      text: report({ title: 'Uke 21', date: 'av R, UH IaaS, 06. juni 2016' }),
      path: '/docs/status/reports/2016/2016_uke_22.rst',
      errors: [{ code: 'title.week-mismatch', message: '2016_uke_22.rst' }],
      output: report({ title: 'Uke 22', date: 'av R, UH IaaS, 06. juni 2016' }),
    },
  ],
});

ruleTester(adornment, {
  valid: [
    { text: report(), path: P },
    { text: report({ over: '==========' }), path: P, name: 'longer than the title is fine' },
  ],
  invalid: [
    {
      name: 'unequal over- and underline',
      text: report({ over: '======', under: '========' }),
      path: P,
      errors: [{ code: 'title.adornment', line: 1, message: 'overline (6) and underline (8) differ' }],
      output: report({ over: '========', under: '========' }),
    },
  ],
});

ruleTester(adornment, {
  valid: [{ text: 'Uke 30\n======\n\nText.\n', path: '/docs/index.rst', name: 'documents are not checked' }],
  invalid: [
    {
      name: 'short overline and underline',
      text: report({ over: '====', under: '====' }),
      path: P,
      errors: [{ code: 'title.adornment', line: 1, column: 1, message: 'shorter than the title (4 < 6)' }],
      output: report(),
    },
    {
      name: 'underline-only title, too short',
      text: 'Uke 30\n=====\n\nav R, UH IaaS, 31.juli 2017\n\n' + report().split('\n').slice(6).join('\n'),
      path: P,
      errors: [{ code: 'title.adornment', line: 1 }],
      output: 'Uke 30\n======\n\nav R, UH IaaS, 31.juli 2017\n\n' + report().split('\n').slice(6).join('\n'),
    },
  ],
});

test('title.adornment replaces the parser warnings on the same adornment lines; elsewhere they stay', () => {
  const short = report({ over: '====', under: '====' });
  const codes = validate({ text: short, path: P }).map((f) => f.code);
  assert.ok(codes.includes('title.adornment'), codes.join());
  assert.ok(!codes.some((c) => c === 'rst.title-overline-too-short' || c === 'rst.title-underline-too-short'), codes.join());
  // the same text as a document (no report rules): the parser's warning is the finding
  const doc = validate({ text: short, path: '/docs/notes.rst' }).map((f) => f.code);
  assert.ok(!doc.includes('title.adornment'));
  assert.ok(doc.some((c) => c === 'rst.title-overline-too-short' || c === 'rst.title-underline-too-short'), doc.join());
  // a short section underline further down is not the title's: its parser warning stays in a report
  const section = short.replace('Status\n======', 'Status\n====');
  assert.notEqual(section, short);
  const both = validate({ text: section, path: P }).map((f) => f.code);
  assert.ok(both.includes('title.adornment') && both.includes('rst.title-underline-too-short'), both.join());
});
