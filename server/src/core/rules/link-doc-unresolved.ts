import type { Rule } from './rule';
import { emitMissing, missingLinks } from './unresolvedLinks';

/** `:doc:` references and toctree entries must name a document that exists (Sphinx: "unknown document"). */
export const rule: Rule = {
  meta: {
    code: 'link.doc-unresolved',
    description: {
      en: 'A :doc: reference or toctree entry names a document that does not exist in the workspace.',
      nb: 'En :doc:-referanse eller toctree-oppføring peker på et dokument som ikke finnes i arbeidsområdet.',
    },
    severity: 'warning',
    fixable: true,
    scope: 'all',
  },
  check(ctx) {
    for (const m of missingLinks(ctx, ['doc', 'toctree'])) {
      const { link, looked } = m;
      if (link.glob) {
        ctx.emit({
          start: link.start,
          end: link.end,
          message: {
            en: `No document matches the toctree pattern "${link.target}".`,
            nb: `Ingen dokumenter passer til toctree-mønsteret «${link.target}».`,
          },
        });
        continue;
      }
      emitMissing(ctx, m, {
        en: `Document "${link.target}" not found (looked for ${looked}).`,
        nb: `Finner ikke dokumentet «${link.target}» (så etter ${looked}).`,
      });
    }
  },
};
