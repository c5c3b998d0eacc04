import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    code: 'section.unexpected',
    description: { en: 'Only the profile’s sections appear at the report’s top level (when the profile allows no others).', nb: 'Bare profilens seksjoner står på rapportens øverste nivå (når profilen ikke tillater andre).' },
    severity: 'warning',
    fixable: false,
    scope: 'report',
  },
  check(ctx) {
    const r = ctx.report!;
    if (r.profile.sections.allowOthers) return;
    if (r.sections.every((s) => s.spec)) return;
    const names = r.profile.sections.required.flat().map((s) => s.name);
    if (names.length === 0) return;
    const list = names.map((n) => `“${n}”`).join(', ');
    const listNb = names.map((n) => `«${n}»`).join(', ');
    for (const s of r.sections) {
      if (s.spec) continue;
      ctx.emit({
        start: s.node.titleSpan.start,
        end: s.node.titleSpan.end,
        message: {
          en: `The section “${s.name}” is not one of the report’s sections (${list}); make it a subsection or change the profile.`,
          nb: `Seksjonen «${s.name}» er ikke en av rapportens seksjoner (${listNb}); gjør den til en underseksjon eller endre profilen.`,
        },
      });
    }
  },
};
