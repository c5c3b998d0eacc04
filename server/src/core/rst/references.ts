// Placeholder: owned by the inline-markup work. Document-level checks on targets and references
// (duplicate explicit target, unknown target name, anonymous count mismatch …).
import type { Document, Problem } from './ast';
export function resolveReferences(_tree: Document, _text: string): Problem[] {
  return [];
}
