// Placeholder: owned by the inline-markup work (issue 2 §1). Replaced by the real inline parser.
import type { Inline, Problem, Span } from './ast';

/**
 * Parse inline markup of a text block.
 * @param src the whole document text
 * @param segments source ranges of the block's text lines (indentation excluded), in order;
 *                 logically joined with '\n'
 */
export function parseInline(src: string, segments: Span[]): { nodes: Inline[]; problems: Problem[] } {
  if (segments.length === 0) return { nodes: [], problems: [] };
  const start = segments[0].start;
  const end = segments[segments.length - 1].end;
  return { nodes: [{ type: 'text', start, end, value: segments.map((s) => src.slice(s.start, s.end)).join('\n') }], problems: [] };
}
