import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleTester } from './ruleTester';
import { report, PATH_2017_30, SECTIONS_OK } from './reportText';
import { rule as missing } from '../../server/src/core/rules/date-missing';
import { rule as unparsable } from '../../server/src/core/rules/date-unparsable';
import { rule as windowRule } from '../../server/src/core/rules/date-window';
import { rule as yearRule } from '../../server/src/core/rules/date-year';
import { rule as formatRule } from '../../server/src/core/rules/date-format';
import { validate } from '../../server/src/core/engine';
import { fixAll } from '../../server/src/core/fix';

const P = PATH_2017_30;
const dated = (date: string | null): string => report({ date });

ruleTester(missing, {
  valid: [
    { text: report(), path: P },
    { text: dated(null), path: P, config: '{"profiles": [{"name": "old", "files": ["status/reports/2017/*"], "date": false}]}', name: 'profile without date line' },
    { text: dated(null), path: P, config: '{"profiles": [{"name": "opt", "files": ["**"], "date": {"required": false}}]}', name: 'date line optional' },
    { text: dated('av Raymond Kristiansen, UH IaaS, 31.juyl 2017'), path: P, name: 'an unreadable date is still a date line' },
  ],
  invalid: [
    {
      text: dated(null),
      path: P,
      errors: [{ code: 'date.missing', line: 2, message: 'no date line after the title' }],
      output: dated('av NAVN, ORGANISASJON, 31.juli 2017'),
    },
    {
      name: 'no blank line after the title',
      text: '======\nUke 30\n======\nTekst rett under.\n\n' + SECTIONS_OK,
      path: P,
      errors: [{ code: 'date.missing' }],
      output: '======\nUke 30\n======\n\nav NAVN, ORGANISASJON, 31.juli 2017\n\nTekst rett under.\n\n' + SECTIONS_OK,
    },
    {
      name: 'the Monday after week 52 is in the next year; English profile',
      text: '=======\nWeek 52\n=======\n\nStatus\n======\n\nOk.\n\nPlanned activities\n==================\n\nMore.\n\nChallenges\n==========\n\nNone.\n\nOther\n=====\n\nNone.\n',
      path: '/docs/en/2018/week_52.rst',
      config: '{"profiles": [{"name": "en", "extends": "english", "files": ["en/**"]}]}',
      errors: [{ code: 'date.missing', message: 'by NAME, ORGANISATION, 31 July 2017' }],
      output: '=======\nWeek 52\n=======\n\nby NAME, ORGANISATION, 31 December 2018\n\nStatus\n======\n\nOk.\n\nPlanned activities\n==================\n\nMore.\n\nChallenges\n==========\n\nNone.\n\nOther\n=====\n\nNone.\n',
    },
  ],
});

ruleTester(unparsable, {
  valid: [{ text: report(), path: P }, { text: dated('av R, UH IaaS, 2017-07-31'), path: P }, { text: dated('av R, UH IaaS, 31.07.2017'), path: P }],
  invalid: [
    {
      text: dated('av Raymond Kristiansen, UH IaaS, 31.juyl 2017'),
      path: P,
      errors: [{ code: 'date.unparsable', line: 5, column: 37, end: report().indexOf('31.juli') + 7, message: 'The date “31.juyl 2017” cannot be read: the month ‘juyl’ is not a month name.' }],
      output: null,
    },
    {
      text: dated('av Raymond Kristiansen, UH IaaS, 31.juli'),
      path: P,
      errors: [{ code: 'date.unparsable', message: 'the year is missing' }],
    },
    {
      text: dated('av Raymond Kristiansen, UH IaaS, 30.februar 2017'),
      path: P,
      locale: 'nb',
      errors: [{ code: 'date.unparsable', message: 'dagen ‘30’ finnes ikke i den måneden' }],
    },
    {
      text: dated('av Raymond Kristiansen, UH IaaS'),
      path: P,
      errors: [{ code: 'date.unparsable', message: 'cannot be read' }],
    },
  ],
});

ruleTester(windowRule, {
  valid: [
    { text: report(), path: P },
    { text: dated('av R, UH IaaS, 28.juli 2017'), path: P, name: 'same week (Friday)' },
    { text: dated('av R, UH IaaS, 13.august 2017'), path: P, name: 'two weeks after (Sunday)' },
    { text: report({ title: 'Uke 52', date: 'av R, UH IaaS, 2.januar 2019' }), path: '/docs/status/reports/2018/uke_52.rst', name: 'across the year end' },
    { text: dated('av R, UH IaaS, 6.mai 2017'), path: P, config: '{"rules": {"date.window": "off"}}', name: 'rule turned off' },
    { text: dated('av R, UH IaaS, 20.juli 2017'), path: P, config: '{"profiles": [{"name": "w", "files": ["**"], "date": {"window": [-1, 2]}}]}', name: 'wider window' },
  ],
  invalid: [
    {
      text: dated('av Raymond Kristiansen, UH IaaS, 6.mai 2017'),
      path: P,
      errors: [{ code: 'date.window', line: 5, column: 34, message: 'The date 6.mai 2017 is in ISO week 18 of 2017, 12 weeks before week 30 of 2017 in the title; the report should be dated 0–2 weeks after it (24 July 2017 – 13 August 2017).' }],
      output: dated('av Raymond Kristiansen, UH IaaS, 31.juli 2017'),
    },
    {
      name: 'three weeks after, Norwegian',
      text: dated('av R, UH IaaS, 14.august 2017'),
      path: P,
      locale: 'nb',
      errors: [{ code: 'date.window', message: 'Datoen 14.august 2017 er i ISO-uke 33 i 2017, 3 uker etter uke 30 i 2017 i tittelen' }],
      output: dated('av R, UH IaaS, 31.juli 2017'),
    },
    {
      name: 'the profile format is used for the fix',
      text: report({ title: 'Uke 22', date: 'av Raymond Kristiansen, UH IaaS, 06. mai 2016' }),
      path: '/docs/status/reports/2016/2016_uke_22.rst',
      config: '{"profiles": [{"name": "2016", "files": ["status/reports/2016/*"], "date": {"format": "DD. MMMM YYYY"}}]}',
      errors: [{ code: 'date.window', message: 'ISO week 18 of 2016, 4 weeks before week 22' }],
      output: report({ title: 'Uke 22', date: 'av Raymond Kristiansen, UH IaaS, 06. juni 2016' }),
    },
  ],
});

ruleTester(yearRule, {
  valid: [
    { text: report(), path: P },
    { text: report({ title: 'Uke 52', date: 'av R, UH IaaS, 2.januar 2019' }), path: '/docs/status/reports/2018/uke_52.rst', name: 'January date for week 52' },
    { text: dated('av R, UH IaaS, 31.juli 2016'), path: '/docs/uke_30.rst', name: 'no folder year' },
  ],
  invalid: [
    {
      text: dated('av Raymond Kristiansen, UH IaaS, 31.juli 2016'),
      path: P,
      errors: [{ code: 'date.year', line: 5, column: 42, message: 'The date’s year 2016 differs from the report’s year 2017 (from its folder).' }],
      output: report(),
    },
    {
      name: 'year from the file name',
      text: report({ title: 'Uke 22', date: 'av R, UH IaaS, 06. juni 2015' }),
      path: '/docs/2016_uke_22.rst',
      errors: [{ code: 'date.year', message: 'from its file name' }],
      output: report({ title: 'Uke 22', date: 'av R, UH IaaS, 06. juni 2016' }),
    },
  ],
});

ruleTester(formatRule, {
  valid: [{ text: report(), path: P }],
  invalid: [
    {
      text: dated('av Raymond Kristiansen, UH IaaS, 31.juli  2017'),
      path: P,
      errors: [{ code: 'date.format', line: 5, column: 41, message: 'a run of several spaces' }],
      output: report(),
    },
    {
      name: 'comma missing before the date',
      text: dated('av Raymond Kristiansen 31.juli 2017'),
      path: P,
      errors: [{ code: 'date.format', line: 5, column: 23, message: 'A comma is missing between the name and the date.' }],
      output: dated('av Raymond Kristiansen, 31.juli 2017'),
    },
    {
      text: dated('av  Raymond Kristiansen,  UH IaaS, 31.juli 2017'),
      path: P,
      errors: [{ code: 'date.format', message: '2 runs' }],
      output: report(),
    },
  ],
});

test('the 2020/uke_08 defect: year, double space and week, and fix-all repairs all three', () => {
  const text = '======\nUke 08\n======\n\nav Raymond Kristiansen, NREC, 6.mai  2026\n\nBytte av navn\n=============\n\nNREC.\n';
  const path = '/docs/status/reports/2020/uke_08.rst';
  const config = '{"profiles": [{"name": "free", "files": ["status/reports/2020/*"], "sections": {"required": [], "allowOthers": true}}]}';
  const { loadConfig } = require('../../server/src/core/report/config') as typeof import('../../server/src/core/report/config');
  const cfg = loadConfig(config, '/docs/weekly-report.json').config;
  const codes = validate({ text, path, config: cfg }).map((f) => f.code).filter((c) => c.startsWith('date.'));
  assert.deepEqual(codes, ['date.window', 'date.format', 'date.year']);
  const fixed = fixAll({ text, path, config: cfg });
  assert.equal(fixed.text, text.replace('6.mai  2026', '24.februar 2020'));
  assert.deepEqual(fixed.findings.filter((f) => f.code.startsWith('date.')), []);
  assert.ok(fixed.fixed >= 1);
});

test('dateStatus: the ISO week of the date and whether it fits the report week', () => {
  const { analyse } = require('../../server/src/core/engine') as typeof import('../../server/src/core/engine');
  const { dateStatus } = require('../../server/src/core/report/window') as typeof import('../../server/src/core/report/window');
  const ok = analyse({ text: report(), path: P }).report!;
  assert.deepEqual(dateStatus(ok), { date: { year: 2017, month: 7, day: 31 }, iso: { year: 2017, week: 31 }, week: { year: 2017, week: 30 }, weeksAfter: 1, window: [0, 2], inWindow: true });
  const late = analyse({ text: dated('av R, UH IaaS, 21.august 2017'), path: P }).report!;
  assert.equal(dateStatus(late)?.weeksAfter, 4);
  assert.equal(dateStatus(late)?.inWindow, false);
  const noYear = analyse({ text: report({ title: 'Uke 52', date: 'av R, X, 2.januar 2019' }), path: '/docs/uke_52.rst' }).report!;
  assert.deepEqual(dateStatus(noYear)?.week, { year: 2018, week: 52 }, 'the year that puts the date closest');
  assert.equal(dateStatus(analyse({ text: dated(null), path: P }).report!), undefined);
});

test('prose starting with “Av” is not taken for a date line unless it comes first', () => {
  const { analyse } = require('../../server/src/core/engine') as typeof import('../../server/src/core/engine');
  const text = report({ date: 'av R, UH IaaS, 31.juli 2017\n\nAv og til, som nå, går det fint' });
  assert.equal(analyse({ text, path: P }).report!.dateLine?.line.author, 'R');
  const noDate = report({ date: 'Innledning.\n\nAv og til, som nå, går det fint' });
  assert.equal(analyse({ text: noDate, path: P }).report!.dateLine, undefined);
  assert.deepEqual(validate({ text: noDate, path: P }).map((f) => f.code).filter((c) => c.startsWith('date.')), ['date.missing']);
});
