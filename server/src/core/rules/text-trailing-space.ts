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
    const report = (ws: number, eol: number) => {
      const whole = ws === 0 || text[ws - 1] === '\n' || text[ws - 1] === '\r';
      ctx.emit({
        start: ws,
        end: eol,
        message: {
          en: whole ? 'Whitespace-only line.' : 'Trailing whitespace.',
          nb: whole ? 'Linjen består bare av mellomrom.' : 'Mellomrom på slutten av linjen.',
        },
        fixes: [{ title: { en: 'Remove trailing whitespace', nb: 'Fjern mellomrom på slutten av linjen' }, edits: [{ start: ws, end: eol, newText: '' }], isPreferred: true }],
      });
    };
    const isBlank = (c: number) => c === 32 || c === 9;
    if (text.indexOf('\r') < 0) {
      // fast path: look only at the character before each line break (and at the end of the text)
      let eol = text.indexOf('\n');
      for (;;) {
        const end = eol < 0 ? text.length : eol;
        if (end > 0 && isBlank(text.charCodeAt(end - 1))) {
          let ws = end - 1;
          while (ws > 0 && isBlank(text.charCodeAt(ws - 1))) ws--;
          report(ws, end);
        }
        if (eol < 0) break;
        eol = text.indexOf('\n', eol + 1);
      }
      return;
    }
    // CR or CRLF line breaks; the lookbehind starts a match only at a run's start, so this stays linear
    const re = /(?<![ \t])[ \t]+(?=\r|\n|$)/g;
    for (let m = re.exec(text); m; m = re.exec(text)) report(m.index, m.index + m[0].length);
  },
};
