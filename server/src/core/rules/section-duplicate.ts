import type { Rule } from './rule';
import type { ReportSection } from '../report/model';
import { sectionsBySpec } from '../report/model';
import { normaliseSectionName } from '../report/profile';

export const rule: Rule = {
  meta: {
    code: 'section.duplicate',
    description: { en: 'A report section heading appears only once.', nb: 'En seksjonsoverskrift i rapporten finnes bare én gang.' },
    severity: 'warning',
    fixable: false,
    scope: 'report',
  },
  check(ctx) {
    const r = ctx.report!;
    const flag = (dup: ReportSection, kept: ReportSection): void => {
      const line = ctx.lines.positionAt(kept.node.titleSpan.start).line + 1;
      ctx.emit({
        start: dup.node.titleSpan.start,
        end: dup.node.titleSpan.end,
        message: {
          en: `The heading “${dup.name}” appears more than once (also on line ${line}).`,
          nb: `Overskriften «${dup.name}» finnes mer enn én gang (også på linje ${line}).`,
        },
      });
    };
    // required sections: anywhere in the document; the report-level one is the real one
    for (const list of sectionsBySpec(r).values()) {
      if (list.length < 2) continue;
      const kept = list.find((s) => s.atReportLevel) ?? list[0];
      for (const s of list) if (s !== kept) flag(s, kept);
    }
    // other report-level sections with the same heading
    const seen = new Map<string, ReportSection>();
    for (const s of r.sections) {
      if (s.spec) continue;
      const key = normaliseSectionName(s.name);
      const first = seen.get(key);
      if (first) flag(s, first);
      else seen.set(key, s);
    }
  },
};
