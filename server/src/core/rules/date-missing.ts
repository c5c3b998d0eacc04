import type { Rule } from './rule';
import { formatDateLine } from '../report/dates';
import { expectedDate, reportWeek } from '../report/window';
import { newlineOf } from '../report/sectionEdits';

export const rule: Rule = {
  meta: {
    code: 'date.missing',
    description: { en: 'A report has a date line (`av NAME, ORG, 31.juli 2017`) after its title.', nb: 'En rapport har en datolinje (`av NAVN, ORG, 31.juli 2017`) etter tittelen.' },
    severity: 'warning',
    fixable: true,
    scope: 'report',
  },
  check(ctx) {
    const r = ctx.report!;
    const dp = r.profile.date;
    if (!dp?.required || r.dateLine || !r.title) return;
    const t = r.title.node;
    const example = dp.language === 'nb' ? 'av NAVN, ORGANISASJON, 31.juli 2017' : 'by NAME, ORGANISATION, 31 July 2017';
    const fixes = [];
    const week = reportWeek(r);
    if (week) {
      const nl = newlineOf(ctx.text);
      const date = expectedDate(week);
      const line = formatDateLine(dp.language === 'nb' ? 'NAVN' : 'NAME', dp.language === 'nb' ? 'ORGANISASJON' : 'ORGANISATION', date, dp.format, dp.language);
      const u = t.adornment.underlineSpan.end;
      const rest = ctx.text.slice(u);
      const m = /^(\r?\n)([ \t]*)(\r?\n|$)/.exec(rest);
      // insert after the underline's line break; keep a blank line before and after the date line
      const atEof = rest.trim() === '';
      const newText = atEof ? nl + nl + line + nl : m ? nl + nl + line : nl + nl + line + nl;
      fixes.push({
        title: { en: `Insert a date line (${line})`, nb: `Sett inn en datolinje (${line})` },
        edits: [{ start: u, end: atEof ? ctx.text.length : u, newText }],
        isPreferred: true,
      });
    }
    ctx.emit({
      start: t.titleSpan.start,
      end: t.titleSpan.end,
      message: { en: `The report has no date line after the title (e.g. “${example}”).`, nb: `Rapporten mangler datolinje etter tittelen (f.eks. «${example}»).` },
      fixes,
    });
  },
};
