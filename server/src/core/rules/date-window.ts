import type { Rule } from './rule';
import { formatDate } from '../report/dates';
import { isoWeekOf } from '../report/isoweek';
import { dateStatus, expectedDate, windowDays } from '../report/window';

export const rule: Rule = {
  meta: {
    code: 'date.window',
    description: {
      en: 'The date lies within the profile’s window after the title’s week (default: 0–2 ISO weeks after).',
      nb: 'Datoen ligger innenfor profilens vindu etter uka i tittelen (standard: 0–2 ISO-uker etter).',
    },
    severity: 'warning',
    fixable: true,
    scope: 'report',
  },
  check(ctx) {
    const r = ctx.report!;
    const dp = r.profile.date;
    const dl = r.dateLine?.line;
    const date = dl?.date.date;
    if (!dp || !dl || !date) return;
    const st = dateStatus(r);
    if (!st || st.inWindow) return;
    const { week, weeksAfter: n } = st;
    const [min, max] = dp.window;
    const iso = isoWeekOf(date);
    const { first, last } = windowDays(week, dp.window);
    const fmt = (lang: 'nb' | 'en') => (d: typeof date) => formatDate(d, lang === 'nb' ? 'D.MMMM YYYY' : 'D MMMM YYYY', lang);
    const range = (lang: 'nb' | 'en'): string => `${fmt(lang)(first)} – ${fmt(lang)(last)}`;
    const exp = expectedDate(week);
    const newDate = formatDate(exp, dp.format, dp.language);
    ctx.emit({
      start: dl.date.span.start,
      end: dl.date.span.end,
      message: {
        en: `The date ${dl.date.text} is in ISO week ${iso.week} of ${iso.year}, ${describe(n, 'en')} week ${week.week} of ${week.year} in the title; the report should be dated ${min}–${max} weeks after it (${range('en')}).`,
        nb: `Datoen ${dl.date.text} er i ISO-uke ${iso.week} i ${iso.year}, ${describe(n, 'nb')} uke ${week.week} i ${week.year} i tittelen; rapporten bør dateres ${min}–${max} uker etter (${range('nb')}).`,
      },
      fixes: [
        {
          title: { en: `Date the report ${newDate} (Monday after week ${week.week})`, nb: `Dater rapporten ${newDate} (mandagen etter uke ${week.week})` },
          edits: [{ start: dl.date.span.start, end: dl.date.span.end, newText: newDate }],
          isPreferred: true,
        },
      ],
    });
  },
};

function describe(n: number, lang: 'nb' | 'en'): string {
  const abs = Math.abs(n);
  if (lang === 'en') return `${abs} week${abs === 1 ? '' : 's'} ${n < 0 ? 'before' : 'after'}`;
  return `${abs} ${abs === 1 ? 'uke' : 'uker'} ${n < 0 ? 'før' : 'etter'}`;
}
