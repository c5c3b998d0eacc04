import type { Rule } from './rule';
import type { ReportSection } from '../report/model';

export const rule: Rule = {
  meta: {
    code: 'section.order',
    description: { en: 'The required sections come in the profile’s order (default: Status first, Annet last).', nb: 'De påkrevde seksjonene kommer i profilens rekkefølge (standard: Status først, Annet sist).' },
    severity: 'warning',
    fixable: false,
    scope: 'report',
  },
  check(ctx) {
    const r = ctx.report!;
    let latest: ReportSection | undefined;
    for (const s of r.sections) {
      if (!s.spec) continue;
      if (latest && s.spec.group < latest.spec!.group) {
        ctx.emit({
          start: s.node.titleSpan.start,
          end: s.node.titleSpan.end,
          message: {
            en: `The section “${s.name}” should come before “${latest.name}”.`,
            nb: `Seksjonen «${s.name}» skal komme før «${latest.name}».`,
          },
        });
        continue;
      }
      if (!latest || s.spec.group > latest.spec!.group) latest = s;
    }
  },
};
