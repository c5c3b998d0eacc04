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

function toUtc(d: CalendarDate): Date {
  return new Date(Date.UTC(d.year, d.month - 1, d.day));
}

function fromUtc(t: Date): CalendarDate {
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

export function isValidDate(d: CalendarDate): boolean {
  if (!Number.isInteger(d.year) || !Number.isInteger(d.month) || !Number.isInteger(d.day)) return false;
  if (d.month < 1 || d.month > 12 || d.day < 1) return false;
  const t = toUtc(d);
  return t.getUTCMonth() === d.month - 1 && t.getUTCDate() === d.day;
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(d: CalendarDate): number {
  const wd = toUtc(d).getUTCDay();
  return wd === 0 ? 7 : wd;
}

export function isoWeekOf(d: CalendarDate): IsoWeek {
  const t = toUtc(d);
  // Thursday of this week decides the year.
  t.setUTCDate(t.getUTCDate() + 4 - isoWeekday(d));
  const year = t.getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1);
  const week = Math.floor((t.getTime() - jan1) / 86400000 / 7) + 1;
  return { year, week };
}

/** Number of ISO weeks (52 or 53) in an ISO year. */
export function isoWeeksInYear(year: number): number {
  return isoWeekOf({ year, month: 12, day: 28 }).week;
}

/** Monday of the given ISO week. */
export function mondayOfIsoWeek(w: IsoWeek): CalendarDate {
  const jan4: CalendarDate = { year: w.year, month: 1, day: 4 };
  const t = toUtc(jan4);
  t.setUTCDate(t.getUTCDate() - (isoWeekday(jan4) - 1) + (w.week - 1) * 7);
  return fromUtc(t);
}

export function addDays(d: CalendarDate, days: number): CalendarDate {
  const t = toUtc(d);
  t.setUTCDate(t.getUTCDate() + days);
  return fromUtc(t);
}

/** Signed number of ISO weeks from `a` to `b` (b - a). */
export function weeksBetween(a: IsoWeek, b: IsoWeek): number {
  const ma = toUtc(mondayOfIsoWeek(a)).getTime();
  const mb = toUtc(mondayOfIsoWeek(b)).getTime();
  return Math.round((mb - ma) / (7 * 86400000));
}
