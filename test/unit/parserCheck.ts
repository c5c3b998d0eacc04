// Tree invariant checker for parser tests: ranges inside the text and inside the parent; siblings ordered
// and non-overlapping (except cells/rows of tables, which are rectangles whose flat ranges may interleave).
import type { Node } from '../../server/src/core/rst/ast';
import { childrenOf, walk } from '../../server/src/core/rst/walk';

export function checkTree(root: Node, text: string, max = 20): string[] {
  const errs: string[] = [];
  const desc = (n: Node) => `${n.type}[${n.start},${n.end}) ${JSON.stringify(text.slice(n.start, n.end).slice(0, 40))}`;
  walk(root, (node) => {
    if (errs.length >= max) return false;
    if (!(Number.isInteger(node.start) && Number.isInteger(node.end) && node.start >= 0 && node.end >= node.start && node.end <= text.length)) {
      errs.push('bad range ' + desc(node));
    }
    const kids = childrenOf(node);
    const gridlike = node.type === 'table' || node.type === 'table_row';
    let prevEnd = node.start;
    for (const k of kids) {
      if (k.start < node.start || k.end > node.end) errs.push(`child ${desc(k)} outside parent ${desc(node)}`);
      if (!gridlike && k.start < prevEnd) errs.push(`child ${desc(k)} overlaps previous sibling in ${desc(node)}`);
      prevEnd = Math.max(prevEnd, k.end);
    }
    return true;
  });
  return errs;
}
