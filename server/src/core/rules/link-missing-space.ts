import type { Rule } from './rule';
import { linkSlips } from '../links';

/** `` `text<url>`_ `` without a space before `<`: docutils takes the whole thing as a link name (unknown target). */
export const rule: Rule = {
  meta: {
    code: 'link.missing-space',
    description: {
      en: 'A `text<url>`_ link has no space before "<", so the URL is not recognised.',
      nb: 'En `tekst<url>`_-lenke mangler mellomrom før «<», så URL-en blir ikke gjenkjent.',
    },
    severity: 'error',
    fixable: true,
    scope: 'all',
  },
  check(ctx) {
    for (const s of linkSlips(ctx.parsed, ctx.text)) {
      if (s.kind !== 'missing-space') continue;
      ctx.emit({
        start: s.start,
        end: s.end,
        message: {
          en: `Missing space before "<${s.url}>": without it docutils looks for a link target named "${s.text}<${s.url}>" and the link breaks.`,
          nb: `Mangler mellomrom før «<${s.url}>»: uten det leter docutils etter et lenkemål som heter «${s.text}<${s.url}>», og lenken virker ikke.`,
        },
        fixes: [{ title: { en: 'Insert a space before "<"', nb: 'Sett inn mellomrom før «<»' }, edits: [{ start: s.insertAt!, end: s.insertAt!, newText: ' ' }], isPreferred: true }],
      });
    }
  },
};
