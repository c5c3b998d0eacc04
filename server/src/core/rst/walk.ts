import type { Block, Document, Inline, Node } from './ast';

/** Child nodes of any node, in source order. */
export function childrenOf(node: Node): Node[] {
  const n = node as any;
  switch (node.type) {
    case 'document':
    case 'list_item':
    case 'block_quote':
    case 'footnote':
    case 'citation':
    case 'table_cell':
    case 'emphasis':
    case 'strong':
    case 'paragraph':
    case 'line':
    case 'literal_block': // parsed-literal content only
      return withExtras(node, n.children ?? []);
    case 'section':
      return [...n.title, ...n.children];
    case 'bullet_list':
    case 'enumerated_list':
    case 'definition_list':
    case 'option_list':
      return n.items;
    case 'definition_list_item':
      return [...n.term, ...n.classifiers.flat(), ...n.definition];
    case 'field_list':
      return n.fields;
    case 'field':
      return [...n.name, ...n.body];
    case 'option_list_item':
      return n.description;
    case 'line_block':
      return n.lines;
    case 'directive':
      return n.children ?? [];
    case 'substitution_definition':
      return [n.directive];
    case 'table':
      return [...n.header, ...n.body];
    case 'table_row':
      return n.cells;
    default:
      return [];
  }
}

function withExtras(node: Node, children: Node[]): Node[] {
  if (node.type === 'block_quote' && node.attribution) return [...children, ...node.attribution];
  if (node.type === 'line' && node.nested) return [...children, node.nested];
  return children;
}

/**
 * Depth-first pre-order walk. Return `false` from the visitor to skip a node's children.
 * Iterative (explicit stack), so deeply nested documents cannot overflow the call stack.
 */
export function walk(root: Node, visit: (node: Node, parent: Node | undefined) => void | boolean): void {
  const stack: Array<[Node, Node | undefined]> = [[root, undefined]];
  while (stack.length) {
    const [node, parent] = stack.pop()!;
    if (visit(node, parent) === false) continue;
    const kids = childrenOf(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i], node]);
  }
}

export function isInline(node: Node): node is Inline {
  switch (node.type) {
    case 'text': case 'emphasis': case 'strong': case 'literal': case 'role': case 'reference':
    case 'inline_target': case 'substitution_reference': case 'footnote_reference':
    case 'citation_reference': case 'problematic':
      return true;
    default:
      return false;
  }
}

export type { Block, Document, Inline, Node };
