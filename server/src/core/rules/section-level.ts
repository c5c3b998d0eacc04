import type { Rule } from './rule';
import type { TextEdit } from '../types';
import { columnWidth, lineStartOf, newlineOf, reportSectionStyle } from '../report/sectionEdits';

export const rule: Rule = {
  meta: {
    code: 'section.level',
    description: { en: 'Required sections are top-level sections of the report (directly under the title).', nb: 'Påkrevde seksjoner er hovedseksjoner i rapporten (rett under tittelen).' },
    severity: 'error',
    fixable: true,
    scope: 'report',
  },
  check(ctx) {
    const r = ctx.report!;
    if (!r.title) return;
    const atLevel = new Set(r.sections.filter((s) => s.spec).map((s) => s.spec!.name));
    const done = new Set<string>();
    const style = reportSectionStyle(r);
    const nl = newlineOf(ctx.text);
    for (const s of r.others) {
      if (!s.spec || atLevel.has(s.spec.name) || done.has(s.spec.name)) continue;
      done.add(s.spec.name);
      const n = s.node;
      const a = n.adornment;
      const ls = lineStartOf(ctx.text, n.titleSpan.start);
      const len = Math.max(columnWidth(ctx.text.slice(ls, n.titleSpan.end)), a.underlineSpan.end - a.underlineSpan.start);
      const line = style.char.repeat(len);
      const edits: TextEdit[] = [{ start: a.underlineSpan.start, end: a.underlineSpan.end, newText: line }];
      if (style.overline && !(a.overline && a.overlineSpan)) edits.push({ start: ls, end: ls, newText: line + nl });
      else if (style.overline && a.overlineSpan) edits.push({ start: a.overlineSpan.start, end: a.overlineSpan.end, newText: line });
      else if (!style.overline && a.overlineSpan) edits.push({ start: a.overlineSpan.start, end: ls, newText: '' });
      ctx.emit({
        start: n.titleSpan.start,
        end: n.titleSpan.end,
        message: {
          en: `The section “${s.name}” is at level ${s.level}; it should be a top-level section of the report (level ${r.sectionLevel}, underlined with “${style.char}”).`,
          nb: `Seksjonen «${s.name}» er på nivå ${s.level}; den skal være en hovedseksjon i rapporten (nivå ${r.sectionLevel}, understreket med «${style.char}»).`,
        },
        fixes: [{ title: { en: `Make “${s.name}” a top-level section`, nb: `Gjør «${s.name}» til en hovedseksjon` }, edits, isPreferred: true }],
      });
    }
  },
};
