import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDate, parseDateLine, formatDate, formatDateLine, describeFailure, monthFromWord } from '../../server/src/core/report/dates';
import { isoWeekOf, mondayOfIsoWeek, addDays } from '../../server/src/core/report/isoweek';
import { expectedDate, windowDays, weeksAfter, windowYears } from '../../server/src/core/report/window';

// the unit test runner runs from the repository root; the corpus is a sibling of the checkout
const CORPUS = path.resolve(process.cwd(), '../shared/corpus/norcams-iaas/docs/status/reports');

test('every date variant of the corpus and the issue parses to the right day', () => {
  const cases: Array<[string, number, number, number]> = [
    ['31.juli 2017', 2017, 7, 31],
    ['2.juni 2017', 2017, 6, 2],
    ['07.mars 2017', 2017, 3, 7],
    ['05.februar 2018', 2018, 2, 5],
    ['03. mars 2016', 2016, 3, 3],
    ['9. mai 2016', 2016, 5, 9],
    ['1. aug 2016', 2016, 8, 1],
    ['23. sep 2016', 2016, 9, 23],
    ['10. okt 2016', 2016, 10, 10],
    ['29. nov 2016', 2016, 11, 29],
    ['01. juli 2019', 2019, 7, 1],
    ['6.mai  2026', 2026, 5, 6],
    ['31.07.2017', 2017, 7, 31],
    ['31. 07. 2017', 2017, 7, 31],
    ['2017-07-31', 2017, 7, 31],
    ['31 July 2017', 2017, 7, 31],
    ['July 31, 2017', 2017, 7, 31],
    ['3. Desember 2018', 2018, 12, 3],
    ['3. des. 2018', 2018, 12, 3],
    ['3 Sept 2018', 2018, 9, 3],
    ['29.februar 2016', 2016, 2, 29],
    ['mandag 31.juli 2017', 2017, 7, 31],
    ['Monday, 31 July 2017', 2017, 7, 31],
    ['31. juli, 2017', 2017, 7, 31],
  ];
  for (const [text, y, m, d] of cases) {
    const r = parseDate(text);
    assert.equal(r.failure, undefined, `${text}: ${JSON.stringify(r.failure)}`);
    assert.deepEqual(r.date, { year: y, month: m, day: d }, text);
  }
});

test('spans of the date parts are exact (with an offset)', () => {
  const line = 'av Raymond Kristiansen, UH IaaS, 31.juli 2017';
  const dl = parseDateLine(line, 100)!;
  assert.equal(dl.prefix, 'av');
  assert.equal(dl.author, 'Raymond Kristiansen');
  assert.equal(dl.org, 'UH IaaS');
  assert.deepEqual([dl.authorSpan!.start - 100, dl.authorSpan!.end - 100], [3, 22]);
  assert.equal(line.slice(dl.orgSpan!.start - 100, dl.orgSpan!.end - 100), 'UH IaaS');
  assert.equal(line.slice(dl.date.span.start - 100, dl.date.span.end - 100), '31.juli 2017');
  assert.equal(line.slice(dl.date.day!.start - 100, dl.date.day!.end - 100), '31');
  assert.equal(line.slice(dl.date.month!.start - 100, dl.date.month!.end - 100), 'juli');
  assert.equal(line.slice(dl.date.year!.start - 100, dl.date.year!.end - 100), '2017');
  assert.equal(dl.date.style, 'name');
  assert.equal(dl.start, 100);
  assert.equal(dl.end, 100 + line.length);
  assert.deepEqual(dl.irregularSpaces, []);
  const iso = parseDateLine('av A, B, 2017-07-31', 0)!;
  assert.equal(iso.date.style, 'iso');
  assert.deepEqual([iso.date.year!.start, iso.date.month!.start, iso.date.day!.start], [9, 14, 17]);
});

test('double spaces are found in the date and the line', () => {
  const line = 'av Raymond Kristiansen, NREC, 6.mai  2026';
  const dl = parseDateLine(line)!;
  assert.deepEqual(dl.date.date, { year: 2026, month: 5, day: 6 });
  assert.deepEqual(dl.irregularSpaces, [{ start: line.indexOf('  '), end: line.indexOf('  ') + 2 }]);
  assert.deepEqual(dl.date.irregularSpaces, dl.irregularSpaces);
  const two = parseDateLine('av  A,  B, 1.mai 2020')!;
  assert.equal(two.irregularSpaces.length, 2);
  assert.equal(two.author, 'A');
});

test('failures say which part is wrong, with its span', () => {
  const check = (text: string, part: string, reason: string, bad: string): void => {
    const r = parseDate(text, 10);
    assert.ok(r.failure, `${text} should fail`);
    assert.equal(r.failure.part, part, `${text}: part`);
    assert.equal(r.failure.reason, reason, `${text}: reason`);
    assert.equal(text.slice(r.failure.span.start - 10, r.failure.span.end - 10), bad, `${text}: span`);
    assert.equal(r.date, undefined);
  };
  check('31.juyl 2017', 'month', 'unknown-month', 'juyl');
  check('31.juli', 'year', 'missing', '');
  check('31.juli 17', 'year', 'out-of-range', '17');
  check('32.juli 2017', 'day', 'out-of-range', '32');
  check('30.februar 2017', 'day', 'no-such-day', '30');
  check('29.februar 2017', 'day', 'no-such-day', '29');
  check('31.13.2017', 'month', 'out-of-range', '13');
  check('31.juli 2017 kl 12', 'date', 'trailing-text', 'kl 12');
  check('i går', 'date', 'unrecognised', 'i');
  check('', 'date', 'missing', '');
  check('2017-07-', 'day', 'missing', '');
  const f = parseDate('31.juyl 2017').failure!;
  assert.match(describeFailure(f).en, /month ‘juyl’ is not a month name/);
  assert.match(describeFailure(f).nb, /måneden ‘juyl’ er ikke et månedsnavn/);
  // a date line without any date
  const dl = parseDateLine('av Raymond Kristiansen')!;
  assert.equal(dl.date.failure?.part, 'date');
  assert.equal(dl.date.failure?.reason, 'missing');
});

test('a date line without a comma before the date', () => {
  const dl = parseDateLine('av Raymond Kristiansen 31.juli 2017', 0)!;
  assert.equal(dl.author, 'Raymond Kristiansen');
  assert.deepEqual(dl.missingComma, { start: 22, end: 22 });
  assert.deepEqual(dl.date.date, { year: 2017, month: 7, day: 31 });
  assert.equal(parseDateLine('av Raymond, 31.juli 2017')!.missingComma, undefined);
  assert.equal(parseDateLine('Av og til skjer det')!.date.date, undefined, 'prose is no date');
});

test('not a date line', () => {
  assert.equal(parseDateLine('Dette er en samlerapport, 2017'), undefined);
  assert.equal(parseDateLine('avslutning, 31.juli 2017'), undefined);
  assert.ok(parseDateLine('By Jane Doe, ACME, 31 July 2017'));
});

test('every date line in the corpus parses and falls in its title week window, except the known defects', () => {
  const dirs = fs.readdirSync(CORPUS).filter((d) => /^\d{4}$/.test(d));
  let n = 0;
  const outside: string[] = [];
  for (const dir of dirs) {
    for (const f of fs.readdirSync(path.join(CORPUS, dir)).filter((x) => x.endsWith('.rst'))) {
      const lines = fs.readFileSync(path.join(CORPUS, dir, f), 'utf8').split('\n');
      const titleWeek = Number(/^Uke 0*(\d+)/.exec(lines.find((l) => /^Uke /.test(l))!)![1]);
      const line = lines.slice(0, 8).find((l) => /^av /.test(l));
      if (!line) {
        assert.equal(dir, '2015', `${dir}/${f} has a date line`);
        continue;
      }
      const dl = parseDateLine(line)!;
      assert.ok(dl.date.date, `${dir}/${f}: ${line} ${JSON.stringify(dl.date.failure)}`);
      n++;
      const w = weeksAfter({ year: Number(dir), week: titleWeek }, dl.date.date);
      if (w < 0 || w > 2) outside.push(`${dir}/${f}`);
    }
  }
  assert.ok(n >= 50, `dated reports: ${n}`);
  assert.deepEqual(outside.sort(), ['2016/2016_uke_22.rst', '2020/uke_08.rst']);
});

test('month names: Norwegian and English, full and short', () => {
  assert.equal(monthFromWord('Mai'), 5);
  assert.equal(monthFromWord('okt.'), 10);
  assert.equal(monthFromWord('October'), 10);
  assert.equal(monthFromWord('des'), 12);
  assert.equal(monthFromWord('maj'), undefined);
});

test('formatting in the profile format and language', () => {
  const d = { year: 2017, month: 7, day: 31 };
  assert.equal(formatDate(d, 'D.MMMM YYYY', 'nb'), '31.juli 2017');
  assert.equal(formatDate({ year: 2019, month: 7, day: 1 }, 'DD. MMMM YYYY', 'nb'), '01. juli 2019');
  assert.equal(formatDate({ year: 2016, month: 10, day: 10 }, 'D. MMM YYYY', 'nb'), '10. okt 2016');
  assert.equal(formatDate(d, 'D MMMM YYYY', 'en'), '31 July 2017');
  assert.equal(formatDate(d, 'YYYY-MM-DD', 'en'), '2017-07-31');
  assert.equal(formatDate({ year: 2018, month: 12, day: 3 }, 'DD.MM.YYYY', 'nb'), '03.12.2018');
  const months = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'];
  months.forEach((m, i) => {
    const s = formatDate({ year: 2020, month: i + 1, day: 1 }, 'D.MMMM YYYY', 'nb');
    assert.equal(s, `1.${m} 2020`);
    assert.deepEqual(parseDate(s).date, { year: 2020, month: i + 1, day: 1 }, 'round trip');
  });
  assert.equal(formatDateLine('Kari', 'UiO', d, 'D.MMMM YYYY', 'nb'), 'av Kari, UiO, 31.juli 2017');
  assert.equal(formatDateLine('Kari', undefined, d, 'D MMMM YYYY', 'en'), 'by Kari, 31 July 2017');
});

test('the date window around year ends', () => {
  // week 52 of 2018: Monday after is 31 Dec 2018 (ISO week 1 of 2019)
  assert.deepEqual(expectedDate({ year: 2018, week: 52 }), { year: 2018, month: 12, day: 31 });
  assert.deepEqual(isoWeekOf(expectedDate({ year: 2018, week: 52 })), { year: 2019, week: 1 });
  // week 53 of 2020 -> Monday 4 Jan 2021
  assert.deepEqual(expectedDate({ year: 2020, week: 53 }), { year: 2021, month: 1, day: 4 });
  assert.deepEqual(windowDays({ year: 2020, week: 53 }, [0, 2]), { first: { year: 2020, month: 12, day: 28 }, last: { year: 2021, month: 1, day: 17 } });
  assert.deepEqual(windowYears({ year: 2020, week: 53 }, [0, 2]), [2020, 2021]);
  assert.deepEqual(windowYears({ year: 2020, week: 8 }, [0, 2]), [2020]);
  assert.equal(weeksAfter({ year: 2020, week: 53 }, { year: 2021, month: 1, day: 4 }), 1);
  assert.equal(weeksAfter({ year: 2017, week: 30 }, { year: 2017, month: 7, day: 31 }), 1);
  assert.deepEqual(addDays(mondayOfIsoWeek({ year: 2017, week: 30 }), 7), { year: 2017, month: 7, day: 31 });
});
