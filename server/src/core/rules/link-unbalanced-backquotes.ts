import type { Rule } from './rule';
import { linkSlips } from '../links';

/**
 * A `text <url>`_ link with one backquote missing. Without the closing one docutils warns
 * (start-string without end-string); without the opening one it silently prints the markup.
 */
export const rule: Rule = {
  meta: {
    code: 'link.unbalanced-backquotes',
    description: {
      en: 'A `text <url>`_ link misses its opening or closing backquote.',
      nb: 'En `tekst <url>`_-lenke mangler den første eller siste bakover-apostrofen.',
    },
    severity: 'error',
    fixable: true,
    scope: 'all',
  },
  check(ctx) {
    for (const s of linkSlips(ctx.parsed, ctx.text)) {
      if (s.kind === 'unbalanced-close') {
        ctx.emit({
          start: s.start,
          end: s.end,
          message: {
            en: `The link to <${s.url}> has no closing backquote before "_".`,
            nb: `Lenken til <${s.url}> mangler den avsluttende bakover-apostrofen («\`») før «_».`,
          },
          fixes: [{ title: { en: 'Insert the closing backquote', nb: 'Sett inn den avsluttende bakover-apostrofen' }, edits: [{ start: s.insertAt!, end: s.insertAt!, newText: '`' }], isPreferred: true }],
        });
      } else if (s.kind === 'unbalanced-open') {
        ctx.emit({
          start: s.start,
          end: s.end,
          message: {
            en: `The link to <${s.url}> has no opening backquote: put one before the link text (docutils prints this markup as text).`,
            nb: `Lenken til <${s.url}> mangler den første bakover-apostrofen («\`»): sett den foran lenketeksten (docutils viser ellers markeringen som tekst).`,
          },
        });
      }
    }
  },
};
