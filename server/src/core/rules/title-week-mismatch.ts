import type { Rule } from './rule';
import type { TextEdit } from '../types';
import { fileNameFor } from '../report/profile';
import { posixDirName } from '../paths';
import { columnWidth } from '../rst/width';

export const rule: Rule = {
  meta: {
    code: 'title.week-mismatch',
    description: { en: 'The week in the title agrees with the file name.', nb: 'Uka i tittelen stemmer med filnavnet.' },
    severity: 'error',
    fixable: true,
    scope: 'report',
  },
  check(ctx) {
    const r = ctx.report!;
    const title = r.title;
    if (!title || title.week === undefined || !title.weekSpan || r.file.week === undefined) return;
    if (title.week === r.file.week) return;
    const t = title.node;
    // keep the title's zero padding style ("Uke 08")
    const padded = title.weekText!.length === 2 && title.weekText!.startsWith('0');
    const newWeek = padded ? String(r.file.week).padStart(2, '0') : String(r.file.week);
    const edits: TextEdit[] = [{ start: title.weekSpan.start, end: title.weekSpan.end, newText: newWeek }];
    // keep the adornments at least as long as the title line
    let ls = t.titleSpan.start;
    while (ls > 0 && ctx.text[ls - 1] !== '\n' && ctx.text[ls - 1] !== '\r') ls--;
    // (display width, as docutils measures the title; the week's digits are one column each)
    const newLen = columnWidth(ctx.text.slice(ls, t.titleSpan.end)) + newWeek.length - (title.weekSpan.end - title.weekSpan.start);
    const a = t.adornment;
    const ulen = a.underlineSpan.end - a.underlineSpan.start;
    const olen = a.overlineSpan ? a.overlineSpan.end - a.overlineSpan.start : ulen;
    const want = Math.max(newLen, Math.min(ulen, olen));
    if (a.overline && a.overlineSpan && olen !== want) edits.push({ start: a.overlineSpan.start, end: a.overlineSpan.end, newText: a.char.repeat(want) });
    if (ulen !== want && (ulen < newLen || a.overline)) edits.push({ start: a.underlineSpan.start, end: a.underlineSpan.end, newText: a.char.repeat(want) });
    const fixes: Array<{ title: { en: string; nb: string }; edits: TextEdit[]; isPreferred?: boolean; rename?: { from: string; to: string } }> = [
      { title: { en: `Set the title's week to ${r.file.week} (from the file name)`, nb: `Sett uka i tittelen til ${r.file.week} (fra filnavnet)` }, edits, isPreferred: true },
    ];
    const newName = fileNameFor(r.profile, title.week, r.file.nameYear, r.file.template);
    const dir = posixDirName(r.path);
    fixes.push({
      title: { en: `Rename the file to ${newName} (week ${title.week}, from the title)`, nb: `Gi filen navnet ${newName} (uke ${title.week}, fra tittelen)` },
      edits: [],
      rename: { from: r.path, to: (dir === '/' ? '' : dir) + '/' + newName },
    });
    ctx.emit({
      start: title.weekSpan.start,
      end: title.weekSpan.end,
      message: {
        en: `The title says week ${title.week}, but the file name ${r.file.baseName} says week ${r.file.week}.`,
        nb: `Tittelen sier uke ${title.week}, men filnavnet ${r.file.baseName} sier uke ${r.file.week}.`,
      },
      fixes,
    });
  },
};
