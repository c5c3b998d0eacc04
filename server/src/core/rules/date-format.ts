import type { Rule } from './rule';

export const rule: Rule = {
  meta: {
    code: 'date.format',
    description: { en: 'The date line is written `av NAME, ORG, DATE` with single spaces.', nb: 'Datolinjen skrives `av NAVN, ORG, DATO` med enkle mellomrom.' },
    severity: 'warning',
    fixable: true,
    scope: 'report',
  },
  check(ctx) {
    const r = ctx.report!;
    const dl = r.dateLine?.line;
    if (!r.profile.date || !dl) return;
    if (dl.missingComma) {
      const at = dl.missingComma.start;
      ctx.emit({
        start: at,
        end: dl.date.span.start,
        message: { en: 'A comma is missing between the name and the date.', nb: 'Det mangler komma mellom navnet og datoen.' },
        fixes: [{ title: { en: 'Insert a comma before the date', nb: 'Sett inn komma foran datoen' }, edits: [{ start: at, end: at, newText: ',' }], isPreferred: true }],
      });
    }
    if (dl.irregularSpaces.length === 0) return;
    const runs = dl.irregularSpaces;
    ctx.emit({
      start: runs[0].start,
      end: runs[runs.length - 1].end,
      message: {
        en: `The date line has ${runs.length === 1 ? 'a run' : `${runs.length} runs`} of several spaces or tabs.`,
        nb: `Datolinjen har ${runs.length === 1 ? 'flere mellomrom eller tabulatorer etter hverandre' : `${runs.length} steder med flere mellomrom eller tabulatorer`}.`,
      },
      fixes: [
        {
          title: { en: 'Use single spaces in the date line', nb: 'Bruk enkle mellomrom i datolinjen' },
          edits: runs.map((s) => ({ start: s.start, end: s.end, newText: ' ' })),
          isPreferred: true,
        },
      ],
    });
  },
};
