/** Selection ranges (expand selection): word → inline markup → paragraph → list item → list → section body → section. Pure. */
import type { Span } from '../rst/ast';
import type { FeatureDoc } from './nodes';
import { headingStart, nodesAt, trimEnd } from './nodes';

/** For each offset, the chain of ranges from the innermost outwards (each contains the previous). */
export function selectionRanges(doc: FeatureDoc, offsets: number[]): Span[][] {
  return offsets.map((o) => selectionRangeAt(doc, o));
}

export function selectionRangeAt(doc: FeatureDoc, offset: number): Span[] {
  const { text } = doc;
  const chain = nodesAt(doc.parsed.tree, offset);
  const spans: Span[] = [];
  // the word under the cursor
  let ws = offset;
  let we = offset;
  while (ws > 0 && /[\p{L}\p{N}_-]/u.test(text[ws - 1])) ws--;
  while (we < text.length && /[\p{L}\p{N}_-]/u.test(text[we])) we++;
  if (we > ws) spans.push({ start: ws, end: we });
  for (let i = chain.length - 1; i >= 0; i--) {
    const n = chain[i];
    const end = trimEnd(text, n.start, n.end);
    if (n.type === 'section') {
      // body (after the heading), then the whole section with its heading
      const bodyStart = n.children[0]?.start;
      if (bodyStart !== undefined && offset >= bodyStart) spans.push({ start: bodyStart, end });
      spans.push({ start: headingStart(n), end });
    } else if (n.type === 'document') {
      spans.push({ start: 0, end: text.length });
    } else {
      spans.push({ start: n.start, end });
    }
  }
  // keep a strictly growing chain that contains the offset
  const out: Span[] = [];
  for (const s of spans) {
    if (s.start > offset || s.end < offset) continue;
    const last = out[out.length - 1];
    if (last && s.start === last.start && s.end === last.end) continue;
    if (last && (s.start > last.start || s.end < last.end)) continue;
    out.push(s);
  }
  return out;
}
