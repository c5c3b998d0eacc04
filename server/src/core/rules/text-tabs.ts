import type { Rule } from './rule';

/** Expand the tabs of a line's indentation the way docutils does (tab stops every 8 columns). */
export function expandIndent(indent: string, tabWidth = 8): string {
  let col = 0;
  for (const ch of indent) col = ch === '\t' ? (Math.floor(col / tabWidth) + 1) * tabWidth : col + 1;
  return ' '.repeat(col);
}

/**
 * Tab characters in indentation. docutils expands tabs to 8-column stops before parsing, so the structure it
 * sees can differ from what an editor with another tab width shows. The fix expands them to spaces.
 */
export const rule: Rule = {
  meta: {
    code: 'text.tabs',
    description: {
      en: 'A line is indented with tab characters (docutils expands them to 8-column tab stops).',
      nb: 'En linje er rykket inn med tabulatorer (docutils gjør dem om til tabulatorstopp for hver 8. kolonne).',
    },
    // docutils renders tab-indented text correctly; this is hygiene (editors disagree on tab width), not an error
    severity: 'information',
    fixable: true,
    scope: 'all',
  },
  check(ctx) {
    const text = ctx.text;
    if (text.indexOf('\t') < 0) return;
    // indentation (at a line start) holding a tab, followed by text; a whitespace-only line is blank to docutils
    // (text.trailing-space reports it)
    const re = /^[ \t]+/gm; // no backtracking: the checks are done below
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (m[0].indexOf('\t') < 0 || end >= text.length || text[end] === '\n' || text[end] === '\r') continue;
      const spaces = expandIndent(m[0]);
      ctx.emit({
        start,
        end,
        message: {
          en: `Tab in indentation: docutils reads it as ${spaces.length} spaces (tab stops every 8 columns).`,
          nb: `Tabulator i innrykket: docutils leser det som ${spaces.length} mellomrom (tabulatorstopp for hver 8. kolonne).`,
        },
        fixes: [{ title: { en: `Replace with ${spaces.length} spaces`, nb: `Erstatt med ${spaces.length} mellomrom` }, edits: [{ start, end, newText: spaces }], isPreferred: true }],
      });
    }
  },
};
