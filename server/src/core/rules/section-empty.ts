import type { Rule } from './rule';
import { placeholderBody } from '../report/profile';
import { newlineOf } from '../report/sectionEdits';

export const rule: Rule = {
  meta: {
    code: 'section.empty',
    description: { en: 'The report’s sections are not empty (write “Ingen.” when there is nothing to say).', nb: 'Rapportens seksjoner er ikke tomme (skriv «Ingen.» når det ikke er noe å melde).' },
    severity: 'warning',
    fixable: true,
    scope: 'report',
  },
  check(ctx) {
    const r = ctx.report!;
    if (!r.profile.sections.nonEmpty) return;
    const nl = newlineOf(ctx.text);
    const body = placeholderBody(r.profile);
    for (const s of r.sections) {
      if (!s.empty) continue;
      const u = s.node.adornment.underlineSpan.end;
      const atEof = ctx.text.slice(u).trim() === '';
      ctx.emit({
        start: s.node.titleSpan.start,
        end: s.node.titleSpan.end,
        message: { en: `The section “${s.name}” is empty.`, nb: `Seksjonen «${s.name}» er tom.` },
        fixes: [{
          title: { en: `Write “${body}” in “${s.name}”`, nb: `Skriv «${body}» i «${s.name}»` },
          edits: [{ start: u, end: atEof ? ctx.text.length : u, newText: nl + nl + body + (atEof ? nl : '') }],
          isPreferred: true,
        }],
      });
    }
  },
};
