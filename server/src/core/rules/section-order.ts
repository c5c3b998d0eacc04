import type { Rule } from './rule';
import type { ReportSection } from '../report/model';
import type { TextEdit } from '../types';
import { endOfBody } from './section-missing';
import { newlineOf, newlinesBefore } from '../report/sectionEdits';

/**
 * Indices (into `groups`) of a longest non-decreasing subsequence, O(n log n): the sections that stay
 * where they are; every other one is out of order.
 */
export function keptInOrder(groups: number[]): Set<number> {
  const tails: number[] = []; // index of the last element of the best subsequence of each length
  const prev: number[] = new Array(groups.length).fill(-1);
  for (let i = 0; i < groups.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (groups[tails[mid]] <= groups[i]) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1];
    tails[lo] = i;
  }
  const kept = new Set<number>();
  for (let k = tails.length ? tails[tails.length - 1] : -1; k >= 0; k = prev[k]) kept.add(k);
  return kept;
}

export const rule: Rule = {
  meta: {
    code: 'section.order',
    description: { en: 'The required sections come in the profile’s order (default: Status first, Annet last).', nb: 'De påkrevde seksjonene kommer i profilens rekkefølge (standard: Status først, Annet sist).' },
    severity: 'warning',
    fixable: true,
    scope: 'report',
  },
  check(ctx) {
    const r = ctx.report!;
    const secs: ReportSection[] = r.sections.filter((s) => s.spec);
    const groups = secs.map((s) => s.spec!.group);
    const kept = keptInOrder(groups);
    // where it belongs: after the last kept section of a group ≤ its own, else before the first kept one
    const keptList = secs.filter((_, i) => kept.has(i));
    secs.forEach((s, i) => {
      if (kept.has(i)) return;
      const g = s.spec!.group;
      // kept groups are non-decreasing: binary search for the first kept section of a group > g
      let lo = 0;
      let hi = keptList.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (keptList[mid].spec!.group <= g) lo = mid + 1;
        else hi = mid;
      }
      const after = lo > 0 ? keptList[lo - 1] : undefined;
      const before = keptList[lo];
      const message = after
        ? { en: `The section “${s.name}” should come after “${after.name}”.`, nb: `Seksjonen «${s.name}» skal komme etter «${after.name}».` }
        : { en: `The section “${s.name}” should come before “${before?.name ?? ''}”.`, nb: `Seksjonen «${s.name}» skal komme før «${before?.name ?? ''}».` };
      // the fix moves the section (with its subsections) to where it belongs
      const all = r.sections;
      const blockEnd = (x: ReportSection): number => {
        const k = all.indexOf(x);
        return k + 1 < all.length ? all[k + 1].node.start : endOfBody(r, ctx.text.length);
      };
      const a = s.node.start;
      const b = blockEnd(s);
      const target = after ? blockEnd(after) : before!.node.start;
      const nl = newlineOf(ctx.text);
      const block = ctx.text.slice(a, b).replace(/\s+$/, '');
      const edits: TextEdit[] = [];
      const atEnd = target >= ctx.text.length;
      if (atEnd) {
        const lead = Math.max(0, 2 - newlinesBefore(ctx.text, target));
        edits.push({ start: target, end: target, newText: nl.repeat(lead) + block + nl });
      } else edits.push({ start: target, end: target, newText: block + nl + nl });
      // when the moved block was last, drop the blank lines it leaves behind at the end
      let delStart = a;
      if (b >= ctx.text.length) while (delStart > 0 && /\s/.test(ctx.text[delStart - 1]) && newlinesBefore(ctx.text, delStart) > 1) delStart--;
      edits.push({ start: delStart, end: b, newText: '' });
      const fixes = target < delStart || target >= b
        ? [{ title: { en: `Move “${s.name}” ${after ? `after “${after.name}”` : `before “${before!.name}”`}`, nb: `Flytt «${s.name}» ${after ? `etter «${after.name}»` : `foran «${before!.name}»`}` }, edits, isPreferred: true }]
        : [];
      ctx.emit({ start: s.node.titleSpan.start, end: s.node.titleSpan.end, message, fixes });
    });
  },
};
