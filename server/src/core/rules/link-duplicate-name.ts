import type { Rule } from './rule';
import { linkSlips } from '../links';

/**
 * The same link name bound to two different URLs (`Trello <a>`_ … `Trello <b>`_): docutils reports a duplicate
 * target and references by that name break. The fix makes the later link anonymous (`__`), which binds no name.
 * The same name with the same URL twice is fine.
 */
export const rule: Rule = {
  meta: {
    code: 'link.duplicate-name',
    description: {
      en: 'One link name is used for two different URLs.',
      nb: 'Samme lenkenavn brukes for to ulike URL-er.',
    },
    severity: 'warning',
    fixable: true,
    scope: 'all',
  },
  check(ctx) {
    for (const s of linkSlips(ctx.parsed, ctx.text)) {
      if (s.kind !== 'duplicate-name') continue;
      const line = ctx.lines.positionAt(s.firstStart ?? 0).line + 1;
      ctx.emit({
        start: s.start,
        end: s.end,
        message: {
          en: `The link name "${s.text}" already points to ${s.firstUrl} (line ${line}); using it for ${s.url} too makes a duplicate target. Make this link anonymous with "__".`,
          nb: `Lenkenavnet «${s.text}» peker allerede til ${s.firstUrl} (linje ${line}); å bruke det for ${s.url} også gir et duplisert lenkemål. Gjør denne lenken anonym med «__».`,
        },
        fixes: s.insertAt !== undefined
          ? [{ title: { en: 'Make this link anonymous ("__")', nb: 'Gjør lenken anonym («__»)' }, edits: [{ start: s.insertAt, end: s.insertAt, newText: '_' }], isPreferred: true }]
          : [],
      });
    }
  },
};
