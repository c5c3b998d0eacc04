import type { Rule } from './rule';
import { resolvedLinks } from '../links';
import { posixRelative } from '../paths';

/**
 * `image`/`figure` paths must exist (relative to the document, or to the docs root when they start with `/`);
 * their `:target:` is a URL relative to the built page (`_images/NAME` is the build's image folder).
 */
export const rule: Rule = {
  meta: {
    code: 'link.image-unresolved',
    description: {
      en: 'An image or figure path, or its :target:, does not resolve in the workspace.',
      nb: 'Stien til et bilde eller en figur, eller dens :target:, finnes ikke i arbeidsområdet.',
    },
    severity: 'warning',
    fixable: true,
    scope: 'all',
  },
  check(ctx) {
    if (!ctx.workspace) return;
    const root = ctx.root ?? ctx.workspace.root;
    for (const { link, res } of resolvedLinks(ctx.parsed, ctx.text, ctx.path, ctx.workspace, root, ['image', 'image-target'])) {
      if (res.status !== 'missing') continue;
      const looked = posixRelative(root, res.path);
      const s = res.suggestion;
      const what = link.kind === 'image'
        ? { en: `Image "${link.target}" not found (looked for ${looked}).`, nb: `Finner ikke bildet «${link.target}» (så etter ${looked}).` }
        : { en: `The ${link.directive ?? 'image'}'s :target: "${link.target}" does not resolve (looked for ${looked}).`, nb: `:target: «${link.target}» i ${link.directive === 'figure' ? 'figuren' : 'bildet'} finnes ikke (så etter ${looked}).` };
      ctx.emit({
        start: link.start,
        end: link.end,
        message: { en: what.en + (s ? ` Did you mean "${s}"?` : ''), nb: what.nb + (s ? ` Mente du «${s}»?` : '') },
        fixes: s
          ? [{ title: { en: `Change to "${s}"`, nb: `Endre til «${s}»` }, edits: [{ start: link.start, end: link.end, newText: s }], isPreferred: true }]
          : [],
      });
    }
  },
};
