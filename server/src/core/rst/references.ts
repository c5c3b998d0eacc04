/**
 * Document-level checks on hyperlink targets and references, as docutils reports them
 * (nodes.document.set_name_id_map / set_duplicate_name_id and the transforms in docutils/transforms/references.py):
 * duplicate explicit target names (not when both point to the same URL), duplicate implicit targets (info),
 * unknown target names, references to duplicated names, indirect targets to unknown names, anonymous
 * reference/target count mismatch, undefined and duplicate substitutions, auto-numbered/symbol footnote
 * references without footnotes.
 */
import type { Document, Node, Problem, Reference, Span } from './ast';
import { walk } from './walk';
import { normalizeName, whitespaceNormalize } from './inline';

interface TargetDef {
  name: string;
  explicit: boolean;
  url?: string;
  span: Span;
}

interface NameEntry {
  explicit: boolean;
  /** The definition currently owning the name; null once the name is ambiguous (docutils' `nameids[name] = None`). */
  owner: TargetDef | null;
}

export function resolveReferences(tree: Document, _text: string): Problem[] {
  const problems: Problem[] = [];
  const defs: TargetDef[] = [];
  const refs: Array<{ name: string; span: Span }> = [];
  const anonymousRefs: Span[] = [];
  const anonymousTargets: Span[] = [];
  const indirect: Array<{ name: string; refname: string; span: Span }> = [];
  const substDefs: Array<{ name: string; span: Span }> = [];
  const substRefs: Array<{ name: string; span: Span }> = [];
  const autoRefs: Span[] = [];
  const symbolRefs: Span[] = [];
  let autoFootnotes = 0;
  let symbolFootnotes = 0;

  walk(tree, (node: Node) => {
    switch (node.type) {
      case 'section':
        defs.push({ name: normalizeName(node.titleText), explicit: false, span: node.titleSpan });
        break;
      case 'target':
        if (node.anonymous) {
          anonymousTargets.push(node.nameSpan ?? node);
          break;
        }
        defs.push({ name: node.name, explicit: true, url: node.url, span: node.nameSpan ?? node });
        if (node.refname !== undefined && node.url === undefined) indirect.push({ name: node.name, refname: node.refname, span: node.nameSpan ?? node });
        break;
      case 'inline_target':
        defs.push({ name: node.name, explicit: true, span: node });
        break;
      case 'footnote': {
        const label = node.label;
        if (label === '*') symbolFootnotes++;
        else if (label.startsWith('#')) {
          autoFootnotes++;
          if (label.length > 1) defs.push({ name: normalizeName(label.slice(1)), explicit: true, span: node.labelSpan });
        } else defs.push({ name: normalizeName(label), explicit: true, span: node.labelSpan });
        break;
      }
      case 'citation':
        defs.push({ name: normalizeName(node.label), explicit: true, span: node.labelSpan });
        break;
      case 'substitution_definition':
        substDefs.push({ name: node.name, span: node.nameSpan });
        break;
      case 'directive': {
        const nameOpt = node.options.find((o) => o.name === 'name');
        if (nameOpt && nameOpt.value.trim()) defs.push({ name: normalizeName(nameOpt.value), explicit: true, span: nameOpt.valueSpan });
        break;
      }
      case 'reference':
        collectReference(node, defs, refs, anonymousRefs, indirect);
        break;
      case 'substitution_reference':
        substRefs.push({ name: node.name, span: node });
        if (node.linked) {
          const raw = _text.slice(node.end - 2, node.end);
          if (raw === '__') anonymousRefs.push(node);
          else refs.push({ name: normalizeName(node.name), span: node });
        }
        break;
      case 'footnote_reference': {
        const label = node.label;
        if (label === '*') symbolRefs.push(node);
        else if (label.startsWith('#')) {
          if (label.length > 1) refs.push({ name: normalizeName(label.slice(1)), span: node });
          else autoRefs.push(node);
        } else refs.push({ name: normalizeName(label), span: node });
        break;
      }
      case 'citation_reference':
        refs.push({ name: normalizeName(node.label), span: node });
        break;
    }
  });

  // ---- names, in document order (docutils registers them while parsing)
  defs.sort((a, b) => a.span.start - b.span.start);
  const names = new Map<string, NameEntry>();
  for (const d of defs) {
    if (!d.name) continue;
    const old = names.get(d.name);
    if (!old) {
      names.set(d.name, { explicit: d.explicit, owner: d });
      continue;
    }
    if (d.explicit) {
      if (old.explicit) {
        let level = 2;
        if (old.owner) {
          if (d.url !== undefined && old.owner.url !== undefined && old.owner.url === d.url) level = 1;
          if (level > 1) old.owner = null;
        }
        if (level > 1) problems.push(problem('duplicate-target', 'warning', d.span, { name: d.name }));
      } else {
        const hadOwner = old.owner !== null;
        old.owner = d;
        old.explicit = true;
        if (hadOwner) problems.push(problem('duplicate-implicit-target', 'info', d.span, { name: d.name }));
      }
    } else {
      if (old.owner && !old.explicit) old.owner = null;
      problems.push(problem('duplicate-implicit-target', 'info', d.span, { name: d.name }));
    }
  }

  // ---- indirect targets
  for (const t of indirect) {
    const e = names.get(t.refname);
    if (!e) problems.push(problem('indirect-target-unknown', 'error', t.span, { name: t.name, id: makeId(t.name), refname: t.refname }));
  }

  // ---- named references
  for (const r of refs) {
    const e = names.get(r.name);
    if (!e) problems.push(problem('unknown-target', 'error', r.span, { name: r.name }));
    else if (!e.owner) problems.push(problem('duplicate-target-reference', 'error', r.span, { name: r.name }));
  }

  // ---- anonymous
  if (anonymousRefs.length !== anonymousTargets.length) {
    const at = anonymousRefs[0] ?? anonymousTargets[0];
    problems.push(problem('anonymous-mismatch', 'error', at, { refs: anonymousRefs.length, targets: anonymousTargets.length }));
  }

  // ---- substitutions
  const substNames = new Map<string, number>();
  const substLower = new Set<string>();
  for (const s of substDefs) {
    const n = whitespaceNormalize(s.name);
    if (substNames.has(n)) problems.push(problem('duplicate-substitution', 'error', s.span, { name: n }));
    substNames.set(n, (substNames.get(n) ?? 0) + 1);
    substLower.add(n.toLowerCase());
  }
  for (const r of substRefs) {
    const n = whitespaceNormalize(r.name);
    if (!substNames.has(n) && !substLower.has(n.toLowerCase())) {
      problems.push(problem('undefined-substitution', 'error', r.span, { name: n }));
    }
  }

  // ---- auto-numbered and symbol footnotes
  for (let i = autoFootnotes; i < autoRefs.length; i++) {
    problems.push(problem('footnote-autonumber-mismatch', 'error', autoRefs[i], { count: autoFootnotes }));
  }
  for (let i = symbolFootnotes; i < symbolRefs.length; i++) {
    problems.push(problem('footnote-symbol-mismatch', 'error', symbolRefs[i], { count: symbolFootnotes }));
  }

  problems.sort((a, b) => a.start - b.start);
  return problems;
}

function collectReference(
  node: Reference,
  defs: TargetDef[],
  refs: Array<{ name: string; span: Span }>,
  anonymousRefs: Span[],
  indirect: Array<{ name: string; refname: string; span: Span }>,
): void {
  if (node.kind === 'standalone' || node.kind === 'email') return;
  const nameSpan = node.textSpan;
  if (node.kind === 'anonymous') {
    if (node.embeddedRefname !== undefined) refs.push({ name: node.embeddedRefname, span: node.urlSpan ?? node });
    else if (node.url === undefined) anonymousRefs.push(node);
    return;
  }
  const name = node.refname ?? '';
  if (node.url !== undefined) {
    // `text <url>`_ defines an explicit target named `text`
    defs.push({ name, explicit: true, url: node.url, span: nameSpan });
  } else if (node.embeddedRefname !== undefined) {
    // `text <name_>`_ defines an indirect target `text` and references `name`
    defs.push({ name, explicit: true, span: nameSpan });
    refs.push({ name: node.embeddedRefname, span: node.urlSpan ?? node });
  } else {
    refs.push({ name, span: nameSpan });
  }
}

function problem(kind: string, severity: Problem['severity'], span: Span, data?: Problem['data']): Problem {
  const p: Problem = { kind, severity, start: span.start, end: span.end };
  if (data) p.data = data;
  return p;
}

/** docutils `nodes.make_id` (without the uniqueness suffix docutils adds for repeated ids). */
export function makeId(name: string): string {
  const id = name.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u00f8]/g, 'o').replace(/[\u00e6]/g, 'ae').replace(/[\u00df]/g, 'sz')
    .replace(/[^\x00-\x7f]/g, '').split(/\s+/).filter(Boolean).join(' ')
    .replace(/[^a-z0-9]+/g, '-').replace(/^[-0-9]+|-+$/g, '');
  return id || 'id1';
}
