import type { Rule } from './rule';
import { resolvedLinks } from '../links';
import { posixRelative } from '../paths';

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
    if (!ctx.workspace) return;
    const root = ctx.root ?? ctx.workspace.root;
    for (const { link, res } of resolvedLinks(ctx.parsed, ctx.text, ctx.path, ctx.workspace, root, ['doc', 'toctree'])) {
      if (res.status !== 'missing') continue;
      const looked = posixRelative(root, res.path);
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
      const s = res.suggestion;
      ctx.emit({
        start: link.start,
        end: link.end,
        message: {
          en: `Document "${link.target}" not found (looked for ${looked}).` + (s ? ` Did you mean "${s}"?` : ''),
          nb: `Finner ikke dokumentet «${link.target}» (så etter ${looked}).` + (s ? ` Mente du «${s}»?` : ''),
        },
        fixes: s
          ? [{ title: { en: `Change to "${s}"`, nb: `Endre til «${s}»` }, edits: [{ start: link.start, end: link.end, newText: s }], isPreferred: true }]
          : [],
      });
    }
  },
};
