import type { Rule } from './rule';
import { titleFor } from '../report/profile';
import { rawFirstHeading } from '../report/sectionEdits';
import { columnWidth } from '../rst/width';

export const rule: Rule = {
  meta: {
    code: 'title.no-week',
    description: { en: 'The report title carries the week number (e.g. “Uke 8”).', nb: 'Rapporttittelen har ukenummeret (f.eks. «Uke 8»).' },
    severity: 'error',
    fixable: true,
    scope: 'report',
  },
  check(ctx) {
    const r = ctx.report!;
    const example = titleFor(r.profile, r.file.week ?? 1);
    if (!r.title) {
      // a heading the parser rejected for its adornment is title.adornment's finding
      if (rawFirstHeading(ctx.text)) return;
      ctx.emit({
        start: 0,
        end: 0,
        message: { en: `The report has no title; expected “${example}”.`, nb: `Rapporten har ingen tittel; forventet «${example}».` },
      });
      return;
    }
    if (r.title.week !== undefined) return;
    const t = r.title.node;
    const fixes = [];
    if (r.file.week !== undefined) {
      const title = titleFor(r.profile, r.file.week);
      const edits = [{ start: t.titleSpan.start, end: t.titleSpan.end, newText: title }];
      const indent = t.titleSpan.start - lineStart(ctx.text, t.titleSpan.start);
      const len = indent + columnWidth(title);
      const a = t.adornment;
      const ulen = a.underlineSpan.end - a.underlineSpan.start;
      if (ulen < len) edits.push({ start: a.underlineSpan.start, end: a.underlineSpan.end, newText: a.char.repeat(len) });
      if (a.overline && a.overlineSpan && a.overlineSpan.end - a.overlineSpan.start < len) {
        edits.push({ start: a.overlineSpan.start, end: a.overlineSpan.end, newText: a.char.repeat(len) });
      }
      fixes.push({ title: { en: `Set the title to “${title}”`, nb: `Sett tittelen til «${title}»` }, edits, isPreferred: true });
    }
    ctx.emit({
      start: t.titleSpan.start,
      end: t.titleSpan.end,
      message: {
        en: `The title “${r.title.text}” does not start with the week (“${example}”).`,
        nb: `Tittelen «${r.title.text}» begynner ikke med uka («${example}»).`,
      },
      fixes,
    });
  },
};

function lineStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}
