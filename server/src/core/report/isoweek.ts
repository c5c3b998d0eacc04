/** ISO 8601 week dates, computed in UTC on calendar dates (no time zones involved). */

export interface CalendarDate {
  year: number;
  /** 1-12 */
  month: number;
  /** 1-31 */
  day: number;
}

export interface IsoWeek {
  /** ISO week-numbering year (may differ from the calendar year around New Year). */
  year: number;
  week: number;
}

/**
 * Days since 1970-01-01 of a date in the proleptic Gregorian calendar (Howard Hinnant's days_from_civil).
 * Integer arithmetic instead of Date objects: a report's validation computed a dozen weeks and dates,
 * and creating Date objects was 12% of its time. (Date.UTC also reads the years 0-99 as 1900-1999.)
 */
export function daysFromCivil(d: CalendarDate): number {
  const y = d.month <= 2 ? d.year - 1 : d.year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400; // [0, 399]
  const doy = Math.floor((153 * (d.month > 2 ? d.month - 3 : d.month + 9) + 2) / 5) + d.day - 1; // [0, 365]
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy; // [0, 146096]
  return era * 146097 + doe - 719468;
}

/** The date `days` days after 1970-01-01 (civil_from_days). */
export function civilFromDays(days: number): CalendarDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
function weekdayOfDays(days: number): number {
  return ((((days + 3) % 7) + 7) % 7) + 1;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function isValidDate(d: CalendarDate): boolean {
  if (!Number.isInteger(d.year) || !Number.isInteger(d.month) || !Number.isInteger(d.day)) return false;
  if (d.month < 1 || d.month > 12 || d.day < 1) return false;
  return d.day <= daysInMonth(d.year, d.month);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(d: CalendarDate): number {
  return weekdayOfDays(daysFromCivil(d));
}

export function isoWeekOf(d: CalendarDate): IsoWeek {
  const t = daysFromCivil(d);
  // Thursday of this week decides the year.
  const thursday = t + 4 - weekdayOfDays(t);
  const year = civilFromDays(thursday).year;
  const week = Math.floor((thursday - daysFromCivil({ year, month: 1, day: 1 })) / 7) + 1;
  return { year, week };
}

/** Number of ISO weeks (52 or 53) in an ISO year. */
export function isoWeeksInYear(year: number): number {
  return isoWeekOf({ year, month: 12, day: 28 }).week;
}

/** Monday of the given ISO week. */
export function mondayOfIsoWeek(w: IsoWeek): CalendarDate {
  return civilFromDays(mondayDays(w));
}

function mondayDays(w: IsoWeek): number {
  const jan4 = daysFromCivil({ year: w.year, month: 1, day: 4 });
  return jan4 - (weekdayOfDays(jan4) - 1) + (w.week - 1) * 7;
}

export function addDays(d: CalendarDate, days: number): CalendarDate {
  return civilFromDays(daysFromCivil(d) + days);
}

/** Signed number of ISO weeks from `a` to `b` (b - a). */
export function weeksBetween(a: IsoWeek, b: IsoWeek): number {
  return Math.round((mondayDays(b) - mondayDays(a)) / 7);
}
