/**
 * Adornments that follow the heading: when a heading's text changes, its underline (and overline) is
 * redrawn to the title's width. Offered as a quick fix on any heading whose adornment does not match,
 * and applied on typing (LSP on-type formatting) on the title line. Pure.
 */
import type { TextEdit } from '../types';
import type { Section } from '../rst/ast';
import { columnWidth } from '../report/sectionEdits';
import type { FeatureDoc } from './nodes';
import { allSections } from './nodes';
import { isAdornmentLine, splitLines } from './headings';

export interface AdornmentFix {
  /** The heading's title range (where the quick fix is offered). */
  start: number;
  end: number;
  /** Current and wanted adornment length. */
  current: number;
  wanted: number;
  edits: TextEdit[];
}

function lineBounds(text: string, offset: number): { start: number; end: number } {
  let s = offset;
  while (s > 0 && text[s - 1] !== '\n' && text[s - 1] !== '\r') s--;
  let e = offset;
  while (e < text.length && text[e] !== '\n' && text[e] !== '\r') e++;
  return { start: s, end: e };
}

/** Width the adornment of a section must have: the title's (with its indentation, for overlined titles). */
function wantedWidth(text: string, s: Section): number {
  const line = lineBounds(text, s.titleSpan.start);
  const raw = text.slice(s.adornment.overline ? line.start : s.titleSpan.start, s.titleSpan.end);
  return columnWidth(raw.trimEnd());
}

/** Headings whose adornment is shorter or longer than their title, with the edits that match it. */
export function adornmentFixes(doc: FeatureDoc): AdornmentFix[] {
  const { text } = doc;
  const out: AdornmentFix[] = [];
  for (const s of allSections(doc.parsed.tree)) {
    const a = s.adornment;
    const wanted = wantedWidth(text, s);
    if (wanted < 1) continue;
    const current = a.underlineSpan.end - a.underlineSpan.start;
    const overCurrent = a.overlineSpan ? a.overlineSpan.end - a.overlineSpan.start : current;
    if (current === wanted && overCurrent === wanted) continue;
    const line = a.char.repeat(wanted);
    const edits: TextEdit[] = [];
    if (a.overlineSpan && overCurrent !== wanted) edits.push({ start: a.overlineSpan.start, end: a.overlineSpan.end, newText: line });
    if (current !== wanted) edits.push({ start: a.underlineSpan.start, end: a.underlineSpan.end, newText: line });
    out.push({ start: s.titleSpan.start, end: s.titleSpan.end, current, wanted, edits });
  }
  return out;
}

/**
 * On-type: the cursor is on a heading's title line (text line directly above an adornment line); redraw the
 * adornment(s) to the title's width. Works on text alone (the parser may not see a heading whose underline
 * became too short while typing).
 */
export function adornmentOnType(text: string, offset: number): TextEdit[] {
  const cur = lineBounds(text, offset);
  const title = text.slice(cur.start, cur.end);
  if (!title.trim() || isAdornmentLine(title)) return [];
  // next line
  let n = cur.end;
  if (text[n] === '\r' && text[n + 1] === '\n') n += 2;
  else if (n < text.length) n += 1;
  else return [];
  const next = lineBounds(text, n);
  const under = text.slice(next.start, next.end);
  if (!isAdornmentLine(under)) return [];
  const char = under[0];
  // previous line: blank/start (underline style) or an overline of the same char
  let over: { start: number; end: number } | undefined;
  if (cur.start > 0) {
    const prev = lineBounds(text, cur.start - 1 - (text[cur.start - 2] === '\r' ? 1 : 0));
    const p = text.slice(prev.start, prev.end);
    if (isAdornmentLine(p) && p[0] === char) over = prev;
    else if (p.trim() !== '') return [];
  }
  if (!over && /^\s/.test(title)) return [];
  const width = columnWidth((over ? title : title.trim()).trimEnd());
  const edits: TextEdit[] = [];
  const underLen = under.trimEnd().length;
  if (underLen !== width) edits.push({ start: next.start, end: next.start + under.length, newText: char.repeat(width) });
  if (over) {
    const o = text.slice(over.start, over.end);
    if (o.trimEnd().length !== width) edits.unshift({ start: over.start, end: over.end, newText: char.repeat(width) });
  }
  // Keep at least 2 adornment characters short of nothing: never remove the adornment entirely.
  return width >= 1 ? edits : [];
}

/** Trigger characters for on-type formatting: letters, digits and the common punctuation of titles. */
export const ON_TYPE_TRIGGERS: string[] = (() => {
  const chars = new Set<string>();
  for (const c of 'abcdefghijklmnopqrstuvwxyzæøåäöüé') {
    chars.add(c);
    chars.add(c.toUpperCase());
  }
  for (const c of '0123456789 -_.,:;!?()/&\'"') chars.add(c);
  return [...chars];
})();

export { splitLines };
