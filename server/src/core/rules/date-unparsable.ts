import type { Rule } from './rule';
import { describeFailure, formatDate } from '../report/dates';
import { expectedDate, reportWeek } from '../report/window';

export const rule: Rule = {
  meta: {
    code: 'date.unparsable',
    description: { en: 'The date in the date line can be read (day, month, year).', nb: 'Datoen i datolinjen kan leses (dag, måned, år).' },
    severity: 'error',
    fixable: true,
    scope: 'report',
  },
  check(ctx) {
    const r = ctx.report!;
    const dp = r.profile.date;
    const dl = r.dateLine?.line;
    if (!dp || !dl || !dl.date.failure) return;
    const f = dl.date.failure;
    const why = describeFailure(f);
    const span = f.span.end > f.span.start ? f.span : dl.date.span.end > dl.date.span.start ? dl.date.span : { start: dl.start, end: dl.end };
    const fixes = [];
    const week = reportWeek(r);
    if (week) {
      const d = formatDate(expectedDate(week), dp.format, dp.language);
      const at = dl.date.span.end > dl.date.span.start ? dl.date.span : { start: dl.end, end: dl.end };
      const newText = at.start === at.end ? (dl.org !== undefined || dl.author !== undefined ? ', ' : '') + d : d;
      fixes.push({ title: { en: `Replace the date with ${d} (Monday after week ${week.week})`, nb: `Erstatt datoen med ${d} (mandagen etter uke ${week.week})` }, edits: [{ start: at.start, end: at.end, newText }] });
    }
    ctx.emit({
      start: span.start,
      end: span.end,
      message: {
        en: `The date “${dl.date.text}” cannot be read: ${why.en}.`,
        nb: `Datoen «${dl.date.text}» kan ikke leses: ${why.nb}.`,
      },
      fixes,
    });
  },
};
