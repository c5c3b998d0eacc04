import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isoWeekOf, isoWeeksInYear, mondayOfIsoWeek, weeksBetween, isValidDate, addDays, daysFromCivil, civilFromDays, isoWeekday } from '../../server/src/core/report/isoweek';

test('ISO weeks around year ends', () => {
  const cases: Array<[number, number, number, number, number]> = [
    // y, m, d -> iso year, week
    [2017, 7, 31, 2017, 31],
    [2015, 12, 31, 2015, 53],
    [2016, 1, 3, 2015, 53],
    [2016, 1, 4, 2016, 1],
    [2018, 12, 31, 2019, 1],
    [2020, 12, 31, 2020, 53],
    [2021, 1, 3, 2020, 53],
    [2026, 11, 26, 2026, 48],
    [2024, 12, 30, 2025, 1],
  ];
  for (const [y, m, d, iy, iw] of cases) {
    assert.deepEqual(isoWeekOf({ year: y, month: m, day: d }), { year: iy, week: iw }, `${y}-${m}-${d}`);
  }
});

test('weeks in year, Mondays and distances', () => {
  assert.equal(isoWeeksInYear(2015), 53);
  assert.equal(isoWeeksInYear(2020), 53);
  assert.equal(isoWeeksInYear(2019), 52);
  assert.deepEqual(mondayOfIsoWeek({ year: 2019, week: 1 }), { year: 2018, month: 12, day: 31 });
  assert.deepEqual(mondayOfIsoWeek({ year: 2017, week: 31 }), { year: 2017, month: 7, day: 31 });
  assert.equal(weeksBetween({ year: 2020, week: 53 }, { year: 2021, week: 1 }), 1);
  assert.equal(weeksBetween({ year: 2017, week: 30 }, { year: 2017, week: 31 }), 1);
  assert.equal(isValidDate({ year: 2017, month: 2, day: 29 }), false);
  assert.equal(isValidDate({ year: 2016, month: 2, day: 29 }), true);
  assert.deepEqual(addDays({ year: 2016, month: 12, day: 31 }, 1), { year: 2017, month: 1, day: 1 });
});

test('integer calendar arithmetic agrees with Date on every day from 1600 to 2400', () => {
  // the reference: JavaScript's Date in UTC (years from 1600 on, clear of Date.UTC's 0-99 = 1900s rule)
  const day = 86400000;
  const start = Date.UTC(1600, 0, 1);
  const end = Date.UTC(2400, 11, 31);
  let checked = 0;
  for (let t = start; t <= end; t += day) {
    const dt = new Date(t);
    const d = { year: dt.getUTCFullYear(), month: dt.getUTCMonth() + 1, day: dt.getUTCDate() };
    const days = Math.round(t / day);
    assert.equal(daysFromCivil(d), days);
    if (days % 7 === 0 || d.month === 1 || d.month === 12) {
      assert.deepEqual(civilFromDays(days), d);
      const wd = dt.getUTCDay() === 0 ? 7 : dt.getUTCDay();
      assert.equal(isoWeekday(d), wd);
      // ISO week by the Thursday rule, computed with Date
      const thu = new Date(t + (4 - wd) * day);
      const week = Math.floor((thu.getTime() - Date.UTC(thu.getUTCFullYear(), 0, 1)) / day / 7) + 1;
      assert.deepEqual(isoWeekOf(d), { year: thu.getUTCFullYear(), week });
      checked++;
    }
  }
  assert.ok(checked > 60000, `checked ${checked} days in full`);
  // out-of-range days and months roll over like Date.UTC
  assert.deepEqual(addDays({ year: 2017, month: 2, day: 30 }, 0), { year: 2017, month: 3, day: 2 });
  assert.deepEqual(addDays({ year: 2017, month: 13, day: 1 }, 0), { year: 2018, month: 1, day: 1 });
  assert.deepEqual(addDays({ year: 2017, month: 0, day: 31 }, 0), { year: 2016, month: 12, day: 31 });
  assert.equal(isValidDate({ year: 2000, month: 2, day: 29 }), true);
  assert.equal(isValidDate({ year: 1900, month: 2, day: 29 }), false);
  assert.equal(isValidDate({ year: 2017, month: 4, day: 31 }), false);
});
