import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isoWeekOf, isoWeeksInYear, mondayOfIsoWeek, weeksBetween, isValidDate, addDays } from '../../server/src/core/report/isoweek';

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
