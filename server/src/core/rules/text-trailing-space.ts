import type { Rule } from './rule';

/** Spaces or tabs at the end of a line. docutils drops them, so they are noise in diffs; the fix removes them. */
export const rule: Rule = {
  meta: {
    code: 'text.trailing-space',
    description: {
      en: 'A line ends with spaces or tabs.',
      nb: 'En linje slutter med mellomrom eller tabulatorer.',
    },
    severity: 'hint',
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
      let ws = eol;
      while (ws > lineStart && (text.charCodeAt(ws - 1) === 32 || text.charCodeAt(ws - 1) === 9)) ws--;
      if (ws < eol) {
        ctx.emit({
          start: ws,
          end: eol,
          message: {
            en: ws === lineStart ? 'Whitespace-only line.' : 'Trailing whitespace.',
            nb: ws === lineStart ? 'Linjen består bare av mellomrom.' : 'Mellomrom på slutten av linjen.',
          },
          fixes: [{ title: { en: 'Remove trailing whitespace', nb: 'Fjern mellomrom på slutten av linjen' }, edits: [{ start: ws, end: eol, newText: '' }], isPreferred: true }],
        });
      }
      if (eol >= n) break;
      lineStart = eol + (text.charCodeAt(eol) === 13 && text.charCodeAt(eol + 1) === 10 ? 2 : 1);
    }
  },
};
