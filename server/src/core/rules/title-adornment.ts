import type { Rule } from './rule';
import type { TextEdit } from '../types';
import { columnWidth } from '../report/sectionEdits';

export const rule: Rule = {
  meta: {
    code: 'title.adornment',
    description: {
      en: 'The report title’s over- and underline are as long as the title and equal.',
      nb: 'Over- og understreken til rapporttittelen er like lange og minst like lange som tittelen.',
    },
    severity: 'warning',
    fixable: true,
    scope: 'report',
  },
  check(ctx) {
    const r = ctx.report!;
    if (!r.title) return;
    const t = r.title.node;
    const a = t.adornment;
    let ls = t.titleSpan.start;
    while (ls > 0 && ctx.text[ls - 1] !== '\n' && ctx.text[ls - 1] !== '\r') ls--;
    const titleLen = columnWidth(ctx.text.slice(ls, t.titleSpan.end));
    const ulen = a.underlineSpan.end - a.underlineSpan.start;
    const olen = a.overline && a.overlineSpan ? a.overlineSpan.end - a.overlineSpan.start : undefined;
    const short = ulen < titleLen || (olen !== undefined && olen < titleLen);
    const unequal = olen !== undefined && olen !== ulen;
    if (!short && !unequal) return;
    const want = Math.max(titleLen, ulen, olen ?? 0);
    const edits: TextEdit[] = [];
    if (olen !== undefined && olen !== want) edits.push({ start: a.overlineSpan!.start, end: a.overlineSpan!.end, newText: a.char.repeat(want) });
    if (ulen !== want) edits.push({ start: a.underlineSpan.start, end: a.underlineSpan.end, newText: a.char.repeat(want) });
    const span = olen !== undefined && (olen < titleLen || unequal) ? a.overlineSpan! : a.underlineSpan;
    ctx.emit({
      start: span.start,
      end: short ? span.end : a.underlineSpan.end,
      message: short
        ? { en: `The title’s adornment is shorter than the title (${Math.min(ulen, olen ?? ulen)} < ${titleLen}).`, nb: `Streken under/over tittelen er kortere enn tittelen (${Math.min(ulen, olen ?? ulen)} < ${titleLen}).` }
        : { en: `The title’s overline (${olen}) and underline (${ulen}) differ in length.`, nb: `Overstreken (${olen}) og understreken (${ulen}) til tittelen er ulike lange.` },
      fixes: [{ title: { en: `Make the adornment ${want} characters long`, nb: `Gjør streken ${want} tegn lang` }, edits, isPreferred: true }],
    });
  },
};
