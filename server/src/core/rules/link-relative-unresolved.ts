import type { Rule } from './rule';
import { splitSuffix } from '../links';
import { emitMissing, missingLinks } from './unresolvedLinks';

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
    for (const m of missingLinks(ctx, ['reference', 'target', 'include'])) {
      const { link, looked } = m;
      const html = /\.html?$/i.test(splitSuffix(link.target).path);
      emitMissing(ctx, m, html
        ? { en: `Page "${link.target}" not found: there is no ${looked.replace(/\.html?$/i, '.rst')} to build it from.`, nb: `Finner ikke siden «${link.target}»: det finnes ingen ${looked.replace(/\.html?$/i, '.rst')} å bygge den fra.` }
        : { en: `Link target "${link.target}" not found (looked for ${looked}).`, nb: `Finner ikke lenkemålet «${link.target}» (så etter ${looked}).` });
    }
  },
};
