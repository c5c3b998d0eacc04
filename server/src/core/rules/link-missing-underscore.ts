import type { Rule } from './rule';
import { linkSlips } from '../links';

/** `` `text <url>` `` without the trailing `_`: docutils renders it as the default role (italic text), not a link. */
export const rule: Rule = {
  meta: {
    code: 'link.missing-underscore',
    description: {
      en: 'A `text <url>` link lacks the trailing underscore, so it is not a link.',
      nb: 'En `tekst <url>`-lenke mangler understreken på slutten, så den blir ikke en lenke.',
    },
    severity: 'warning',
    fixable: true,
    scope: 'all',
  },
  check(ctx) {
    for (const s of linkSlips(ctx.parsed, ctx.text)) {
      if (s.kind !== 'missing-underscore') continue;
      ctx.emit({
        start: s.start,
        end: s.end,
        message: {
          en: `This is not a link: \`…<${s.url}>\` needs a trailing "_" (without it docutils shows the text in italics).`,
          nb: `Dette er ikke en lenke: \`…<${s.url}>\` må slutte med «_» (uten blir teksten bare kursiv).`,
        },
        fixes: [{ title: { en: 'Add "_" to make it a link', nb: 'Legg til «_» så det blir en lenke' }, edits: [{ start: s.insertAt!, end: s.insertAt!, newText: '_' }], isPreferred: true }],
      });
    }
  },
};
