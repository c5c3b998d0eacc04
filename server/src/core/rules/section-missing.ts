import type { Rule } from './rule';
import type { ReportModel } from '../report/model';
import { sectionsBySpec } from '../report/model';
import { placeholderBody } from '../report/profile';
import { headingText, newlineOf, newlinesBefore, reportSectionStyle } from '../report/sectionEdits';

/** Where a missing required section of group `g` goes: after the last present section of a group ≤ g. */
export function insertionOffset(model: ReportModel, g: number, textLength: number): number {
  const secs = model.sections;
  let anchor = -1;
  for (let i = 0; i < secs.length; i++) if (secs[i].spec && secs[i].spec!.group <= g) anchor = i;
  if (anchor >= 0) return anchor + 1 < secs.length ? secs[anchor + 1].node.start : endOfBody(model, textLength);
  const next = secs.find((s) => s.spec && s.spec.group > g);
  if (next) return next.node.start;
  return endOfBody(model, textLength);
}

export function endOfBody(model: ReportModel, textLength: number): number {
  const t = model.title?.node;
  // the title section runs to the next top-level section or the end of the document
  const after = model.others.find((s) => t && s.level <= t.level && s.node.start >= t.end);
  return after ? after.node.start : textLength;
}

export const rule: Rule = {
  meta: {
    code: 'section.missing',
    description: { en: 'Every section the profile requires is present.', nb: 'Alle seksjonene profilen krever, finnes.' },
    severity: 'error',
    fixable: true,
    scope: 'report',
  },
  check(ctx) {
    const r = ctx.report!;
    const title = r.title;
    if (!title) return;
    const present = sectionsBySpec(r);
    const nl = newlineOf(ctx.text);
    const style = reportSectionStyle(r);
    r.profile.sections.required.forEach((group, g) => {
      for (const spec of group) {
        if (present.has(spec.name)) continue;
        const at = insertionOffset(r, g, ctx.text.length);
        const atEnd = at >= ctx.text.length;
        const before = newlinesBefore(ctx.text, at);
        const lead = before >= 2 ? '' : nl.repeat(2 - before);
        const body = placeholderBody(r.profile);
        const newText = lead + headingText(spec.name, style, nl) + nl + body + nl + (atEnd ? '' : nl);
        const t = title.node;
        ctx.emit({
          start: t.titleSpan.start,
          end: t.titleSpan.end,
          message: { en: `The required section “${spec.name}” is missing.`, nb: `Den påkrevde seksjonen «${spec.name}» mangler.` },
          fixes: [{ title: { en: `Add the section “${spec.name}”`, nb: `Legg til seksjonen «${spec.name}»` }, edits: [{ start: at, end: at, newText }], isPreferred: true }],
        });
      }
    });
  },
};
