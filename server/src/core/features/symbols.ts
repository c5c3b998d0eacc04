/** Document symbols: the section tree (Outline view, breadcrumbs), with explicit targets and directives that carry a name. Pure. */
import type { Block, Section } from '../rst/ast';
import type { FeatureDoc } from './nodes';
import { headingStart, trimEnd } from './nodes';

export type SymbolKind = 'title' | 'section' | 'target' | 'directive';

export interface DocSymbol {
  name: string;
  /** Extra text shown after the name (e.g. the directive's argument). */
  detail?: string;
  kind: SymbolKind;
  /** The whole construct. */
  start: number;
  end: number;
  /** What is revealed/selected: the title text, the target name. */
  selectionStart: number;
  selectionEnd: number;
  children: DocSymbol[];
}

const NAMED_DIRECTIVES = new Set(['figure', 'image', 'toctree', 'contents', 'note', 'warning', 'important', 'tip', 'attention', 'caution', 'danger', 'error', 'hint', 'admonition', 'topic', 'sidebar', 'code-block', 'code', 'include', 'literalinclude', 'table', 'csv-table', 'list-table']);

/** The outline of a document. The first top-level section of a report is its title. */
export function documentSymbols(doc: FeatureDoc): DocSymbol[] {
  const { text } = doc;
  const out: DocSymbol[] = [];
  const visit = (blocks: Block[], into: DocSymbol[], topLevel: boolean): void => {
    // explicit iteration over containers; sections nest by the tree
    for (const b of blocks) {
      if (b.type === 'section') {
        const sym = sectionSymbol(b, text, topLevel && into.length === 0 && out === into);
        into.push(sym);
        visit(b.children, sym.children, false);
      } else if (b.type === 'target' && !b.anonymous && b.name) {
        into.push({
          name: b.name,
          detail: b.url ?? (b.refname ? b.refname + '_' : undefined),
          kind: 'target',
          start: b.start,
          end: trimEnd(text, b.start, b.end),
          selectionStart: b.nameSpan.start,
          selectionEnd: b.nameSpan.end,
          children: [],
        });
      } else if (b.type === 'directive' && NAMED_DIRECTIVES.has(b.name.toLowerCase())) {
        into.push({
          name: b.name,
          detail: b.argument || undefined,
          kind: 'directive',
          start: b.start,
          end: trimEnd(text, b.start, b.end),
          selectionStart: b.nameSpan.start,
          selectionEnd: b.nameSpan.end,
          children: [],
        });
      }
    }
  };
  visit(doc.parsed.tree.children, out, true);
  return out;
}

function sectionSymbol(s: Section, text: string, isTitle: boolean): DocSymbol {
  return {
    name: s.titleText || text.slice(s.titleSpan.start, s.titleSpan.end).trim() || '(untitled)',
    kind: isTitle ? 'title' : 'section',
    start: headingStart(s),
    end: Math.max(trimEnd(text, s.start, s.end), s.adornment.underlineSpan.end),
    selectionStart: s.titleSpan.start,
    selectionEnd: s.titleSpan.end,
    children: [],
  };
}
