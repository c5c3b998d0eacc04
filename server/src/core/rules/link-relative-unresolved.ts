import type { Rule } from './rule';
import { resolvedLinks, splitSuffix } from '../links';
import { posixRelative } from '../paths';

/**
 * Relative links (`text <path>`_, `.. _name: path`, include paths) must point to a file of the workspace;
 * a `.html` link resolves when the `.rst` page it is built from exists. External URLs are not checked.
 */
export const rule: Rule = {
  meta: {
    code: 'link.relative-unresolved',
    description: {
      en: 'A relative link (or .html page built from .rst, or include path) does not resolve in the workspace.',
      nb: 'En relativ lenke (eller .html-side bygget fra .rst, eller include-sti) finnes ikke i arbeidsområdet.',
    },
    severity: 'warning',
    fixable: true,
    scope: 'all',
  },
  check(ctx) {
    if (!ctx.workspace) return;
    const root = ctx.root ?? ctx.workspace.root;
    for (const { link, res } of resolvedLinks(ctx.parsed, ctx.text, ctx.path, ctx.workspace, root, ['reference', 'target', 'include'])) {
      if (res.status !== 'missing') continue;
      const looked = posixRelative(root, res.path);
      const html = /\.html?$/i.test(splitSuffix(link.target).path);
      const what = html
        ? { en: `Page "${link.target}" not found: there is no ${looked.replace(/\.html?$/i, '.rst')} to build it from.`, nb: `Finner ikke siden «${link.target}»: det finnes ingen ${looked.replace(/\.html?$/i, '.rst')} å bygge den fra.` }
        : { en: `Link target "${link.target}" not found (looked for ${looked}).`, nb: `Finner ikke lenkemålet «${link.target}» (så etter ${looked}).` };
      const s = res.suggestion;
      ctx.emit({
        start: link.start,
        end: link.end,
        message: {
          en: what.en + (s ? ` Did you mean "${s}"?` : ''),
          nb: what.nb + (s ? ` Mente du «${s}»?` : ''),
        },
        fixes: s
          ? [{ title: { en: `Change to "${s}"`, nb: `Endre til «${s}»` }, edits: [{ start: link.start, end: link.end, newText: s }], isPreferred: true }]
          : [],
      });
    }
  },
};
