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
    const n = text.length;
    let lineStart = 0;
    while (lineStart <= n) {
      let eol = lineStart;
      while (eol < n && text.charCodeAt(eol) !== 10 && text.charCodeAt(eol) !== 13) eol++;
      let i = lineStart;
      let tabs = false;
      while (i < eol && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) {
        if (text.charCodeAt(i) === 9) tabs = true;
        i++;
      }
      // a whitespace-only line is blank to docutils (text.trailing-space reports it)
      if (tabs && i < eol) {
        const indent = text.slice(lineStart, i);
        const spaces = expandIndent(indent);
        ctx.emit({
          start: lineStart,
          end: i,
          message: {
            en: `Tab in indentation: docutils reads it as ${spaces.length} spaces (tab stops every 8 columns).`,
            nb: `Tabulator i innrykket: docutils leser det som ${spaces.length} mellomrom (tabulatorstopp for hver 8. kolonne).`,
          },
          fixes: [{ title: { en: `Replace with ${spaces.length} spaces`, nb: `Erstatt med ${spaces.length} mellomrom` }, edits: [{ start: lineStart, end: i, newText: spaces }], isPreferred: true }],
        });
      }
      if (eol >= n) break;
      lineStart = eol + (text.charCodeAt(eol) === 13 && text.charCodeAt(eol + 1) === 10 ? 2 : 1);
    }
  },
};
