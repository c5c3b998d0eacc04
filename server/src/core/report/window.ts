/** The date window of a report: which ISO weeks its date may fall in, and the date fixes propose. Pure. */
import { addDays, isoWeekOf, isoWeeksInYear, mondayOfIsoWeek, weeksBetween, type CalendarDate, type IsoWeek } from './isoweek';
import type { ReportModel } from './model';

/** The report's week: the title's, else the file name's; the year: folder/file name, else `fallbackYear`. */
export function reportWeek(model: ReportModel, fallbackYear?: number): IsoWeek | undefined {
  const week = model.title?.week ?? model.file.week;
  const year = model.year ?? fallbackYear;
  if (week === undefined || year === undefined) return undefined;
  if (week < 1 || week > isoWeeksInYear(year)) return undefined;
  return { year, week };
}

/** Monday of the week after the report's week: the date a report is usually given. */
export function expectedDate(week: IsoWeek): CalendarDate {
  return addDays(mondayOfIsoWeek(week), 7);
}

/** First and last day of the window [min, max] weeks after the report's week. */
export function windowDays(week: IsoWeek, window: [number, number]): { first: CalendarDate; last: CalendarDate } {
  const monday = mondayOfIsoWeek(week);
  return { first: addDays(monday, 7 * window[0]), last: addDays(monday, 7 * window[1] + 6) };
}

/** Weeks from the report's week to the date's ISO week. */
export function weeksAfter(week: IsoWeek, date: CalendarDate): number {
  return weeksBetween(week, isoWeekOf(date));
}

/** Calendar years touched by the window. */
export function windowYears(week: IsoWeek, window: [number, number]): number[] {
  const { first, last } = windowDays(week, window);
  const ys: number[] = [];
  for (let y = first.year; y <= last.year; y++) ys.push(y);
  return ys;
}

export interface DateStatus {
  date: CalendarDate;
  /** ISO week of the date. */
  iso: IsoWeek;
  /** The report's week (title, else file name). */
  week: IsoWeek;
  /** Weeks from the report's week to the date's week. */
  weeksAfter: number;
  window: [number, number];
  inWindow: boolean;
}

/** Where the report's date lies relative to its week (for hovers and the new-report command). */
export function dateStatus(model: ReportModel): DateStatus | undefined {
  const date = model.dateLine?.line.date.date;
  const dp = model.profile.date;
  if (!date || !dp) return undefined;
  let week = reportWeek(model);
  if (!week) {
    const a = reportWeek(model, date.year);
    const b = reportWeek(model, date.year - 1);
    week = a && (!b || Math.abs(weeksAfter(a, date)) <= Math.abs(weeksAfter(b, date))) ? a : b;
  }
  if (!week) return undefined;
  const n = weeksAfter(week, date);
  return { date, iso: isoWeekOf(date), week, weeksAfter: n, window: dp.window, inWindow: n >= dp.window[0] && n <= dp.window[1] };
}
