import type { Rule } from './rule';
import { emitMissing, missingLinks } from './unresolvedLinks';

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
    for (const m of missingLinks(ctx, ['image', 'image-target'])) {
      const { link, looked } = m;
      emitMissing(ctx, m, link.kind === 'image'
        ? { en: `Image "${link.target}" not found (looked for ${looked}).`, nb: `Finner ikke bildet «${link.target}» (så etter ${looked}).` }
        : { en: `The ${link.directive ?? 'image'}'s :target: "${link.target}" does not resolve (looked for ${looked}).`, nb: `:target: «${link.target}» i ${link.directive === 'figure' ? 'figuren' : 'bildet'} finnes ikke (så etter ${looked}).` });
    }
  },
};
