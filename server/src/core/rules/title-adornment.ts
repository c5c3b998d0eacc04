import type { Rule } from './rule';
import type { TextEdit } from '../types';
import { columnWidth, lineStartOf, rawFirstHeading } from '../report/sectionEdits';

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
    let over: { start: number; end: number } | undefined;
    let under: { start: number; end: number };
    let char: string;
    let titleEnd: number;
    if (r.title) {
      const a = r.title.node.adornment;
      over = a.overline ? a.overlineSpan : undefined;
      under = a.underlineSpan;
      char = a.char;
      titleEnd = r.title.node.titleSpan.end;
    } else {
      // a title the parser rejected (overline ≠ underline, or an underline too short to count)
      const raw = rawFirstHeading(ctx.text);
      if (!raw) return;
      over = raw.overline;
      under = raw.underline;
      char = raw.char;
      titleEnd = raw.title.end;
    }
    const titleLen = columnWidth(ctx.text.slice(lineStartOf(ctx.text, titleEnd), titleEnd));
    const ulen = under.end - under.start;
    const olen = over ? over.end - over.start : undefined;
    const short = ulen < titleLen || (olen !== undefined && olen < titleLen);
    const unequal = olen !== undefined && olen !== ulen;
    if (!short && !unequal) return;
    const want = Math.max(titleLen, ulen, olen ?? 0);
    const edits: TextEdit[] = [];
    if (over && olen !== want) edits.push({ start: over.start, end: over.end, newText: char.repeat(want) });
    if (ulen !== want) edits.push({ start: under.start, end: under.end, newText: char.repeat(want) });
    ctx.emit({
      start: over ? over.start : lineStartOf(ctx.text, titleEnd),
      end: under.end,
      message: short
        ? { en: `The title’s adornment is shorter than the title (${Math.min(ulen, olen ?? ulen)} < ${titleLen}).`, nb: `Streken under/over tittelen er kortere enn tittelen (${Math.min(ulen, olen ?? ulen)} < ${titleLen}).` }
        : { en: `The title’s overline (${olen}) and underline (${ulen}) differ in length.`, nb: `Overstreken (${olen}) og understreken (${ulen}) til tittelen er ulike lange.` },
      fixes: [{ title: { en: `Make the adornment ${want} characters long`, nb: `Gjør streken ${want} tegn lang` }, edits, isPreferred: true }],
    });
  },
};
