import type { Rule } from './rule';
import { isValidDate } from '../report/isoweek';
import { reportWeek, windowYears } from '../report/window';

export const rule: Rule = {
  meta: {
    code: 'date.year',
    description: { en: 'The date’s year is the report’s year (from its folder or file name).', nb: 'Året i datoen er rapportens år (fra mappen eller filnavnet).' },
    severity: 'error',
    fixable: true,
    scope: 'report',
  },
  check(ctx) {
    const r = ctx.report!;
    const dp = r.profile.date;
    const dl = r.dateLine?.line;
    const date = dl?.date.date;
    if (!dp || !dp.checkYear || !dl || !date || !dl.date.year || r.year === undefined) return;
    const week = reportWeek(r);
    // a report for week 52 may be dated in January: every year the window touches is right
    const years = week ? windowYears(week, dp.window) : [r.year];
    if (years.includes(date.year)) return;
    const fixYear = years.includes(r.year) ? r.year : years[0];
    const fixes = [];
    if (isValidDate({ ...date, year: fixYear })) {
      fixes.push({
        title: { en: `Change the year to ${fixYear}`, nb: `Endre året til ${fixYear}` },
        edits: [{ start: dl.date.year.start, end: dl.date.year.end, newText: String(fixYear) }],
        isPreferred: true,
      });
    }
    const source = r.file.folderYear !== undefined ? { en: 'its folder', nb: 'mappen' } : { en: 'its file name', nb: 'filnavnet' };
    ctx.emit({
      start: dl.date.year.start,
      end: dl.date.year.end,
      message: {
        en: `The date’s year ${date.year} differs from the report’s year ${r.year} (from ${source.en}).`,
        nb: `Året i datoen (${date.year}) er ikke rapportens år ${r.year} (fra ${source.nb}).`,
      },
      fixes,
    });
  },
};
