/** Tree helpers shared by the language features (pure). */
import type { Document, Node, ParseResult, Section, Span } from '../rst/ast';
import { childrenOf } from '../rst/walk';

/** A document as the features see it. */
export interface FeatureDoc {
  /** Absolute posix path. */
  path: string;
  text: string;
  parsed: ParseResult;
}

/**
 * The chain of nodes containing `offset`, outermost first (document … innermost). A node contains the
 * offset when start <= offset < end, or offset === end for the innermost inline (cursor right after a word).
 */
export function nodesAt(tree: Document, offset: number): Node[] {
  const chain: Node[] = [tree];
  let node: Node = tree;
  for (let depth = 0; depth < 10000; depth++) {
    const kids = childrenOf(node);
    let next: Node | undefined;
    // binary search would do; children lists are short in practice
    for (const k of kids) {
      if (k.start <= offset && offset < k.end) {
        next = k;
        break;
      }
    }
    if (!next) {
      for (const k of kids) if (k.end === offset && k.start < offset && isInlineNode(k)) next = k;
    }
    if (!next) break;
    chain.push(next);
    node = next;
  }
  return chain;
}

function isInlineNode(n: Node): boolean {
  switch (n.type) {
    case 'text': case 'emphasis': case 'strong': case 'literal': case 'role': case 'reference':
    case 'inline_target': case 'substitution_reference': case 'footnote_reference': case 'citation_reference': case 'problematic':
      return true;
    default:
      return false;
  }
}

export function contains(s: Span, offset: number): boolean {
  return s.start <= offset && offset <= s.end;
}

/** Every section of the tree in document order (iterative). */
export function allSections(tree: Document): Section[] {
  const out: Section[] = [];
  const stack: Node[] = [tree];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'section') out.push(n);
    if (n.type === 'document' || n.type === 'section') {
      const kids = (n as Document | Section).children;
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
    }
  }
  return out;
}

/** The start of a section's heading (its overline, else its title line). */
export function headingStart(s: Section): number {
  return s.adornment.overlineSpan ? s.adornment.overlineSpan.start : s.start;
}

/** End of a span with trailing whitespace/blank lines removed. */
export function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1])) e--;
  return e;
}
