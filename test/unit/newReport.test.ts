import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import {
  planNewReport,
  suggestWeek,
  reportPathInfo,
  planToctreeUpdate,
  type ExistingReport,
} from '../../server/src/core/report/newReport';
import { inferDateFormat } from '../../server/src/core/report/dates';
import { DEFAULT_PROFILE, type Profile } from '../../server/src/core/report/profile';
import { parseDate, formatDate } from '../../server/src/core/report/dates';
import { scanHeadings, bulletItems } from '../../server/src/core/features/headings';
import { parse } from '../../server/src/core/rst/parser';

const DOCS = path.resolve(__dirname, '../../../../shared/corpus/norcams-iaas/docs');
const REPORTS = DOCS + '/status/reports';
const hasCorpus = fs.existsSync(REPORTS);

function corpusReports(filter: (p: string) => boolean = () => true): ExistingReport[] {
  const out: ExistingReport[] = [];
  for (const y of fs.readdirSync(REPORTS)) {
    if (!/^\d{4}$/.test(y)) continue;
    for (const f of fs.readdirSync(path.join(REPORTS, y))) {
      if (!f.endsWith('.rst')) continue;
      const p = `${REPORTS}/${y}/${f}`;
      if (filter(p)) out.push({ path: p, text: fs.readFileSync(p, 'utf8') });
    }
  }
  return out;
}

function applyEdits(text: string, edits: Array<{ start: number; end: number; newText: string }>): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start);
  for (const e of sorted) text = text.slice(0, e.start) + e.newText + text.slice(e.end);
  return text;
}

/** docutils warnings (level >= 2) on a text, or undefined when docutils is not installed. */
function docutilsWarnings(text: string): string[] | undefined {
  const py = `
import sys, docutils.core, docutils.utils
src = sys.stdin.read()
msgs = []
class S:
    def write(self, s): msgs.append(s)
docutils.core.publish_doctree(src, settings_overrides={'report_level': 2, 'warning_stream': S(), 'halt_level': 5})
print(''.join(msgs))
`;
  const r = spawnSync('python3', ['-c', py], { input: text, encoding: 'utf8' });
  if (r.status !== 0) return undefined;
  return r.stdout.split('\n').filter((l) => l.trim() !== '');
}

test('a profile with wide-character titles and sections gets underlines as wide as they are', () => {
  const profile = { ...DEFAULT_PROFILE, name: 'ja', title: '第{week}週', sections: { required: [[{ name: '進捗' }], [{ name: '予定' }], [{ name: 'その他' }]], allowOthers: false, nonEmpty: true } } as Profile;
  const plan = planNewReport({ root: '/ws/docs', reports: [], today: { year: 2026, month: 11, day: 27 }, week: { year: 2026, week: 48 }, author: 'A', profile, folder: '/ws/docs/status/reports/2026' });
  const lines = plan.text.split('\n');
  assert.deepEqual(lines.slice(0, 3), ['======', '第48週', '======'], 'the title is 6 columns wide (4 code units)');
  assert.ok(plan.text.includes('\n進捗\n====\n'), plan.text);
  assert.ok(plan.text.includes('\nその他\n======\n'), plan.text);
  // no "Title underline too short" from our parser or from docutils
  assert.deepEqual(parse(plan.text).problems.map((p) => p.kind), []);
  const w = docutilsWarnings(plan.text);
  if (w) assert.deepEqual(w, []);
});

test('report paths: both naming schemes', () => {
  assert.deepEqual(
    { ...reportPathInfo('/d/status/reports/2019/uke_08.rst')!, path: undefined },
    { path: undefined, year: 2019, week: 8, reportsFolder: '/d/status/reports', yearFolder: true, yearPrefix: false, weekDigits: 2, stem: 'uke_' },
  );
  const old = reportPathInfo('/d/status/reports/2016/2016_uke_13.rst')!;
  assert.equal(old.year, 2016);
  assert.equal(old.week, 13);
  assert.equal(old.yearPrefix, true);
  assert.equal(reportPathInfo('/d/status/reports/index.rst'), undefined);
  assert.equal(reportPathInfo('/d/uke_08.rst'), undefined, 'no year anywhere');
});

test('date format read back from the corpus styles round-trips', () => {
  const cases: Array<[string, string]> = [
    ['25. februar 2019', 'D. MMMM YYYY'],
    ['22.januar 2018', 'D.MMMM YYYY'],
    ['1. aug 2016', 'D. MMM YYYY'],
    ['05.februar 2018', 'DD.MMMM YYYY'],
    ['31.07.2017', 'D.MM.YYYY'],
    ['2017-07-31', 'YYYY-MM-DD'],
    ['4 July 2017', 'D MMMM YYYY'],
  ];
  for (const [s, format] of cases) {
    const p = parseDate(s);
    const f = inferDateFormat(p);
    assert.ok(f, s);
    assert.equal(f.format, format, s);
    assert.equal(formatDate(p.date!, f.format, f.language), s, s);
  }
  assert.equal(inferDateFormat(parseDate('30. februar 2019')), undefined);
  assert.equal(inferDateFormat(parseDate('6.mai  2026'))!.format, 'D.MMMM YYYY', 'double space is a slip');
});

test('bullet items keep continuation lines and nested lists', () => {
  const body = '\n- one\n  continued\n- two\n\n  - nested\n\n- three\n\nAfter the list.\n';
  assert.deepEqual(bulletItems(body), ['one\n  continued', 'two\n\n  - nested', 'three']);
});

test('new report from the corpus: week 9 of 2019, written Monday of week 10', { skip: !hasCorpus }, () => {
  // The corpus as it was that Monday: reports up to 2019 week 8.
  const reports = corpusReports((p) => { const i = reportPathInfo(p)!; return i.year < 2019 || (i.year === 2019 && i.week <= 8); });
  const today = { year: 2019, month: 3, day: 4 };
  const s = suggestWeek(today, reports);
  assert.deepEqual(s.week, { year: 2019, week: 9 }, 'the team dates reports the Monday after');
  assert.equal(s.ambiguous, false);
  const plan = planNewReport({ root: DOCS, reports, today, week: s.week, author: 'Kari Nordmann' });
  assert.equal(plan.path, `${REPORTS}/2019/uke_09.rst`);
  assert.equal(plan.exists, false);
  assert.equal(plan.createsFolder, false);
  assert.equal(plan.previous, `${REPORTS}/2019/uke_08.rst`);
  const lines = plan.text.split('\n');
  assert.deepEqual(lines.slice(0, 3), ['======', 'Uke 9', '======']);
  assert.equal(lines[4], 'av Kari Nordmann, UH IaaS, 4. mars 2019');
  assert.ok(plan.text.includes('Oppdatert informasjon om status finnes alltid i\n`Trello <https://trello.com/norcams>`_'));
  assert.ok(plan.text.includes('\n.. contents::\n'));
  assert.ok(plan.text.includes('av Kari Nordmann, UH IaaS, 4. mars 2019\n\nOppdatert'), 'one blank line between blocks');
  // `Annet` repeats the same pointer in the recent reports: boilerplate, carried.
  assert.ok(plan.text.endsWith('Annet\n=====\n\n- Se https://trello.com/norcams for oppdaterte planer.\n'));
  // Sections in the previous report's order, with full-length underlines.
  const hs = scanHeadings(plan.text);
  assert.deepEqual(hs.map((h) => h.title), ['Uke 9', 'Status', 'Utfordringer', 'Planlagte aktiviteter', 'Annet']);
  for (const h of hs) assert.ok(h.underlineEnd - h.underlineStart >= h.title.length, h.title);
  // Carried items: the five planned activities of uke_08, in Planlagte aktiviteter and under Status.
  assert.equal(plan.carried.length, 5);
  assert.equal(plan.carried[0], 'Montering og installasjon ny hardware');
  const planned = plan.text.slice(plan.text.indexOf('Planlagte aktiviteter\n'));
  for (const item of plan.carried) assert.ok(planned.includes('- ' + item), item);
  const status = plan.text.slice(plan.text.indexOf('Status\n'), plan.text.indexOf('Utfordringer\n'));
  for (const item of plan.carried) assert.ok(status.includes('- ' + item), item);
  // Valid rST: our parser and docutils agree there is nothing to complain about.
  assert.deepEqual(parse(plan.text).problems, []);
  const w = docutilsWarnings(plan.text);
  if (w) assert.deepEqual(w, []);
  // The index includes 2019/uke_* by glob: no toctree edit.
  const indexes = [{ path: `${REPORTS}/index.rst`, text: fs.readFileSync(`${REPORTS}/index.rst`, 'utf8') }];
  assert.equal(planNewReport({ root: DOCS, reports, today, week: s.week, indexes }).indexEdit, undefined);
});

test('author falls back to the previous report, never overwrites', { skip: !hasCorpus }, () => {
  const reports = corpusReports();
  const plan = planNewReport({ root: DOCS, reports, today: { year: 2019, month: 3, day: 4 }, week: { year: 2019, week: 9 } });
  assert.ok(plan.text.includes('av Raymond Kristiansen, UH IaaS, 4. mars 2019'));
  const existing = planNewReport({ root: DOCS, reports, today: { year: 2019, month: 2, day: 25 }, week: { year: 2019, week: 8 } });
  assert.equal(existing.exists, true);
  assert.equal(existing.path, `${REPORTS}/2019/uke_08.rst`);
  assert.equal(existing.text, '');
});

test('year end: week 53 of 2020 written on Monday 4 January 2021', { skip: !hasCorpus }, () => {
  const reports = corpusReports((p) => !p.includes('/2021/'));
  const today = { year: 2021, month: 1, day: 4 };
  const s = suggestWeek(today, reports);
  assert.deepEqual(s.choices.map((c) => c.week), [{ year: 2020, week: 53 }, { year: 2021, week: 1 }].sort((a, b) => (s.choices[0].kind === 'last' ? a.year - b.year : b.year - a.year)));
  const plan = planNewReport({ root: DOCS, reports, today, week: { year: 2020, week: 53 }, author: 'A' });
  assert.equal(plan.path, `${REPORTS}/2020/uke_53.rst`);
  assert.equal(plan.createsFolder, false);
  assert.ok(plan.text.startsWith('======\nUke 53\n======\n'));
  // 2020/uke_08 writes '6.mai  2026': the style is D.month
  assert.ok(plan.text.includes('av A, NREC, 4.januar 2021'), plan.text.slice(0, 120));
});

test('year end: week 1 of 2025 starts on Monday 30 December 2024 → new 2025 folder', { skip: !hasCorpus }, () => {
  const reports = corpusReports().map((r) => ({ ...r, path: r.path.replace('/2021/', '/2024/') }));
  const today = { year: 2024, month: 12, day: 30 };
  const plan = planNewReport({ root: DOCS, reports, today, week: { year: 2025, week: 1 }, author: 'A' });
  assert.equal(plan.path, `${REPORTS}/2025/uke_01.rst`);
  assert.equal(plan.createsFolder, true);
  assert.ok(plan.text.includes('Uke 1\n'));
  assert.ok(plan.text.includes('av A, NREC, 30. desember 2024'));
  // Last week is week 52 of 2024 (2024 has 52 ISO weeks).
  const s = suggestWeek(today, reports);
  assert.ok(s.choices.some((c) => c.kind === 'last' && c.week.year === 2024 && c.week.week === 52));
  assert.ok(s.choices.some((c) => c.kind === 'this' && c.week.year === 2025 && c.week.week === 1));
});

test('old scheme 2016/2016_uke_NN.rst is followed, also into a new year', { skip: !hasCorpus }, () => {
  const reports = corpusReports((p) => p.includes('/2015/') || p.includes('/2016/'));
  const plan = planNewReport({ root: DOCS, reports, today: { year: 2017, month: 1, day: 9 }, week: { year: 2017, week: 1 }, author: 'A' });
  assert.equal(plan.path, `${REPORTS}/2017/2017_uke_01.rst`);
  assert.equal(plan.createsFolder, true);
  assert.equal(plan.previous, `${REPORTS}/2016/2016_uke_47.rst`);
  // 2016_uke_47 writes '29. nov 2016': abbreviated month, space after the dot
  assert.ok(plan.text.includes('av A, UH IaaS, 9. jan 2017'), plan.text.slice(0, 200));
});

test('toctree: a new year gets its own section copied from the previous year', { skip: !hasCorpus }, () => {
  const indexPath = `${REPORTS}/index.rst`;
  const index = fs.readFileSync(indexPath, 'utf8');
  const edit = planToctreeUpdate([{ path: indexPath, text: index }], `${REPORTS}/2022/uke_01.rst`, `${REPORTS}/2021/uke_20.rst`);
  assert.ok(edit);
  assert.equal(edit.path, indexPath);
  const after = applyEdits(index, edit.edits);
  assert.ok(after.includes('2022\n----\n\n.. toctree::\n    :glob:\n    :maxdepth: 1\n\n    2022/uke_*\n'));
  assert.ok(after.indexOf('2022/uke_*') < after.indexOf('2021/uke_*'), 'newest year first, like the others');
  assert.equal(after.replace(/2022\n----\n\n\.\. toctree::\n    :glob:\n    :maxdepth: 1\n\n    2022\/uke_\*\n\n/, ''), index);
  // Already included by a glob: nothing to do.
  assert.equal(planToctreeUpdate([{ path: indexPath, text: index }], `${REPORTS}/2021/uke_22.rst`, `${REPORTS}/2021/uke_20.rst`), undefined);
});

test('toctree: explicit entries get a new line next to the previous report', () => {
  const text = 'Reports\n=======\n\n.. toctree::\n   :maxdepth: 1\n\n   2023/uke_01\n   2023/uke_02\n';
  const e = planToctreeUpdate([{ path: '/r/index.rst', text }], '/r/2023/uke_03.rst', '/r/2023/uke_02.rst')!;
  assert.equal(applyEdits(text, e.edits), text + '   2023/uke_03\n');
});

test('week habit: dated the Monday after → last week on Monday, this week once last week is written', () => {
  const mk = (y: number, w: number, date: string): ExistingReport => ({
    path: `/d/r/${y}/uke_${String(w).padStart(2, '0')}.rst`,
    text: `=====\nUke ${w}\n=====\n\nav A, B, ${date}\n\nStatus\n======\n\n- x\n`,
  });
  const reports = [mk(2019, 6, '11. februar 2019'), mk(2019, 7, '18. februar 2019'), mk(2019, 8, '25. februar 2019')];
  const monday = suggestWeek({ year: 2019, month: 3, day: 4 }, reports);
  assert.deepEqual(monday.week, { year: 2019, week: 9 });
  assert.equal(monday.ambiguous, false);
  assert.equal(monday.datedLaterShare, 1);
  assert.deepEqual(monday.choices.map((c) => c.kind), ['last', 'this']);
  const wednesday = suggestWeek({ year: 2019, month: 3, day: 6 }, reports);
  assert.equal(wednesday.ambiguous, true);
  const afterWritten = suggestWeek({ year: 2019, month: 2, day: 26 }, reports);
  assert.deepEqual(afterWritten.week, { year: 2019, week: 9 });
  // A team that dates reports the same week
  const same = [mk(2019, 6, '8. februar 2019'), mk(2019, 7, '15. februar 2019'), mk(2019, 8, '22. februar 2019')];
  const friday = suggestWeek({ year: 2019, month: 3, day: 8 }, same);
  assert.deepEqual(friday.week, { year: 2019, week: 10 });
  assert.equal(friday.ambiguous, false);
});

test('toctree: one toctree with a glob per year gets the new year as a line', () => {
  const text = 'Ukesrapport\n===========\n\n.. toctree::\n   :glob:\n   :maxdepth: 1\n\n   2018/*\n   2017/*\n\nEndring\n=======\n';
  const e = planToctreeUpdate([{ path: '/r/index.rst', text }], '/r/2019/uke_02.rst', '/r/2018/uke_11.rst')!;
  assert.equal(applyEdits(text, e.edits), text.replace('   2018/*\n', '   2019/*\n   2018/*\n'));
  assert.equal(planToctreeUpdate([{ path: '/r/index.rst', text }], '/r/2018/uke_12.rst', '/r/2018/uke_11.rst'), undefined);
});
