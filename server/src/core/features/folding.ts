/** Folding ranges: sections, directives with content, multi-line comments, lists and literal blocks. Pure. */
import type { Node } from '../rst/ast';
import type { FeatureDoc } from './nodes';
import { headingStart, trimEnd } from './nodes';
import { childrenOf } from '../rst/walk';

export interface FoldRange {
  /** Offset on the first line (the fold's header line). */
  start: number;
  /** Offset on the last line folded. */
  end: number;
  kind?: 'comment' | 'region';
}

/** Folding ranges as offsets; the adapter converts to lines and drops one-line ranges. */
export function foldingRanges(doc: FeatureDoc): FoldRange[] {
  const { text } = doc;
  const out: FoldRange[] = [];
  const stack: Node[] = [doc.parsed.tree];
  while (stack.length) {
    const n = stack.pop()!;
    switch (n.type) {
      case 'section':
        out.push({ start: headingStart(n), end: trimEnd(text, n.start, n.end), kind: 'region' });
        break;
      case 'directive':
        if (n.contentSpan || n.options.length) out.push({ start: n.start, end: trimEnd(text, n.start, n.end) });
        break;
      case 'comment':
        out.push({ start: n.start, end: trimEnd(text, n.start, n.end), kind: 'comment' });
        break;
      case 'literal_block':
      case 'block_quote':
      case 'table':
        out.push({ start: n.start, end: trimEnd(text, n.start, n.end) });
        break;
      case 'list_item':
        out.push({ start: n.start, end: trimEnd(text, n.start, n.end) });
        break;
      default:
        break;
    }
    if (n.type === 'paragraph' || n.type === 'literal_block' || n.type === 'comment') continue; // no block children
    const kids = childrenOf(n);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}
