/**
 * Document-level checks on hyperlink targets and references, as docutils reports them
 * (nodes.document.set_name_id_map / set_duplicate_name_id and the transforms in docutils/transforms/references.py):
 * duplicate explicit target names (not when both point to the same URL), duplicate implicit targets (info),
 * unknown target names, references to duplicated names, indirect targets to unknown names, anonymous
 * reference/target count mismatch, undefined and duplicate substitutions, auto-numbered/symbol footnote
 * references without footnotes.
 */
import type { Document, Problem, Reference, Span } from './ast';
import { marks } from './walk';
import { normalizeName, whitespaceNormalize } from './inline';
import { makeId } from './names';
import { sortIfNeeded } from '../sorted';

interface TargetDef {
  name: string;
  explicit: boolean;
  url?: string;
  span: Span;
  /** Indirect target: the referenced name. */
  refname?: string;
  /** False for `text <name_>`_ targets, which docutils never registers (no ids, not in nameids). */
  registered?: boolean;
  /** Still carries its name (docutils' `dupname` removes it from duplicates). */
  hasName?: boolean;
  /** docutils id, set when registered. */
  id?: string;
}

interface NameEntry {
  explicit: boolean;
  /** The definition currently owning the name; null once the name is ambiguous (docutils' `nameids[name] = None`). */
  owner: TargetDef | null;
}

/** Looks only at the tree's marks (`marks` in walk.ts), which parse() collects while it builds the tree. */
export function resolveReferences(tree: Document, _text: string): Problem[] {
  const problems: Problem[] = [];
  const defs: TargetDef[] = [];
  const refs: Array<{ name: string; span: Span }> = [];
  const anonymousRefs: Span[] = [];
  const anonymousTargets: Span[] = [];
  const indirect: TargetDef[] = [];
  const substDefs: Array<{ name: string; span: Span }> = [];
  const substRefs: Array<{ name: string; span: Span }> = [];
  const autoRefs: Array<{ span: Span; label: string }> = [];
  const labelledAuto = new Set<string>();
  const autoFootnoteDefs: TargetDef[] = [];
  const symbolRefs: Span[] = [];
  let autoFootnotes = 0;
  let symbolFootnotes = 0;

  embeddedUriTargets = [];
  const nodes = marks(tree);
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    switch (node.type) {
      case 'section':
        defs.push({ name: normalizeName(node.titleText), explicit: false, span: node.titleSpan });
        break;
      case 'target':
        if (node.anonymous) {
          anonymousTargets.push(node.nameSpan ?? node);
          break;
        }
        {
          const d: TargetDef = { name: node.name, explicit: true, url: node.url, span: node.nameSpan ?? node };
          if (node.refname !== undefined && node.url === undefined) {
            d.refname = node.refname;
            indirect.push(d);
          }
          defs.push(d);
        }
        break;
      case 'inline_target':
        defs.push({ name: node.name, explicit: true, span: node });
        break;
      case 'footnote': {
        const label = node.label;
        if (label === '*') symbolFootnotes++;
        else if (label.startsWith('#')) {
          if (label.length > 1) {
            autoFootnoteDefs.push({ name: '', explicit: true, span: node.labelSpan, registered: false });
            labelledAuto.add(normalizeName(label.slice(1)));
            defs.push({ name: normalizeName(label.slice(1)), explicit: true, span: node.labelSpan });
          } else {
            autoFootnotes++;
            autoFootnoteDefs.push({ name: '', explicit: true, span: node.labelSpan });
          }
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
        collectReference(node, refs, anonymousRefs, indirect);
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
          const name = normalizeName(label.slice(1));
          if (label.length > 1) refs.push({ name, span: node });
          autoRefs.push({ span: node, label: name });
        } else refs.push({ name: normalizeName(label), span: node });
        break;
      }
      case 'citation_reference':
        refs.push({ name: normalizeName(node.label), span: node });
        break;
    }
  }

  for (const d of embeddedUriTargets) defs.push(d);
  embeddedUriTargets = [];
  // ---- names, in document order (docutils registers them while parsing)
  for (const t of indirect) if (t.registered === false) defs.push(t);
  sortIfNeeded(defs, (a, b) => a.span.start - b.span.start);
  const names = new Map<string, NameEntry>();
  // ids only name broken indirect targets in messages: without indirect targets none is needed
  const ids = indirect.length > 0 ? { used: new Set<string>(), nextSuffix: new Map<string, number>() } : undefined;
  for (const d of defs) {
    if (d.registered === false) {
      d.hasName = true;
      continue;
    }
    d.hasName = true;
    if (ids) d.id = uniqueId(makeId(d.name) || 'id1', ids.used, ids.nextSuffix);
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
          if (level > 1) {
            old.owner.hasName = false;
            old.owner = null;
          }
        }
        if (level > 1) problems.push(problem('duplicate-target', 'warning', d.span, { name: d.name }));
        d.hasName = false;
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

  // ---- auto-numbered footnotes take the first free numbers as names (docutils Footnotes transform)
  let num = 1;
  for (const f of autoFootnoteDefs) {
    while (names.has(String(num))) num++;
    // labelled ones ([#x]) take a number too, but keep their label as name
    if (f.registered !== false) names.set(String(num), { explicit: true, owner: { ...f, name: String(num) } });
    num++;
  }
  // references taking a number: [#]_ and [#x]_ without a labelled footnote; the first ones get resolved
  // (most documents have none of these, nor indirect targets or substitutions: no collections for them)
  const consumers = autoRefs.length ? autoRefs.filter((r) => !(r.label && labelledAuto.has(r.label) && names.get(r.label)?.owner)) : autoRefs;
  const numbered = consumers.length ? new Set(consumers.slice(0, autoFootnotes).map((r) => r.span.start)) : EMPTY_NUMBERS;

  // ---- indirect targets (docutils IndirectHyperlinks): follow the chain through registered names
  let brokenNames: Set<string> | undefined;
  for (const t of indirect) {
    let explanation = '';
    const seen = new Set<TargetDef>([t]);
    let cur: TargetDef = t;
    for (;;) {
      const e = names.get(cur.refname!);
      if (!e || !e.owner) {
        explanation = e ? 'which is a duplicate, and cannot be used as a unique reference' : 'which does not exist';
        break;
      }
      if (e.owner.refname === undefined) break; // reached a real target
      if (seen.has(e.owner)) {
        explanation = 'forming a circular reference';
        break;
      }
      seen.add(e.owner);
      cur = e.owner;
    }
    if (!explanation) continue;
    if (t.hasName) (brokenNames ??= new Set()).add(t.name);
    const naming = (t.hasName ? `"${t.name}" ` : '') + (t.id ? `(id="${t.id}")` : '');
    problems.push(problem('indirect-target-unknown', 'error', t.span, { naming, name: t.name, refname: t.refname!, explanation }));
  }

  // ---- named references
  const embeddedNames = indirect.length ? new Set(indirect.filter((t) => t.registered === false).map((t) => t.name)) : EMPTY_NAMES;
  for (const r of refs) {
    if (numbered.has(r.span.start)) continue; // [#x]_ numbered by an auto footnote
    if (brokenNames?.has(r.name)) continue; // docutils replaces them silently, after the indirect-target error
    const e = names.get(r.name);
    if (!e && embeddedNames.has(r.name)) continue; // resolved through an embedded alias target
    if (!e) problems.push(problem('unknown-target', 'error', r.span, { name: r.name }));
    else if (!e.owner) problems.push(problem('duplicate-target-reference', 'error', r.span, { name: r.name }));
  }

  // ---- anonymous
  if (anonymousRefs.length !== anonymousTargets.length) {
    const at = anonymousRefs[0] ?? anonymousTargets[0];
    problems.push(problem('anonymous-mismatch', 'error', at, { refs: anonymousRefs.length, targets: anonymousTargets.length }));
  }

  // ---- substitutions
  if (substDefs.length || substRefs.length) checkSubstitutions(substDefs, substRefs, problems);

  // ---- auto-numbered and symbol footnotes
  // labelled [#x]_ references resolved by a labelled footnote do not take a number; docutils reports the first excess one
  if (consumers.length > autoFootnotes) {
    problems.push(problem('footnote-autonumber-mismatch', 'error', consumers[autoFootnotes].span, { count: autoFootnotes }));
  }
  if (symbolRefs.length > symbolFootnotes) {
    problems.push(problem('footnote-symbol-mismatch', 'error', symbolRefs[symbolFootnotes], { count: symbolFootnotes }));
  }

  sortIfNeeded(problems, (a, b) => a.start - b.start);
  return problems;
}

const EMPTY_NUMBERS: ReadonlySet<number> = new Set();
const EMPTY_NAMES: ReadonlySet<string> = new Set();

function checkSubstitutions(substDefs: Array<{ name: string; span: Span }>, substRefs: Array<{ name: string; span: Span }>, problems: Problem[]): void {
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
}

function collectReference(
  node: Reference,
  refs: Array<{ name: string; span: Span }>,
  anonymousRefs: Span[],
  indirect: TargetDef[],
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
    embeddedUriTargets.push({ name, explicit: true, url: node.url, span: nameSpan });
  } else if (node.embeddedRefname !== undefined) {
    // `text <name_>`_ defines an indirect target `text` (never registered by docutils) and references `name`
    indirect.push({ name, explicit: true, span: nameSpan, refname: node.embeddedRefname, registered: false });
    refs.push({ name: node.embeddedRefname, span: node.urlSpan ?? node });
  } else {
    refs.push({ name, span: nameSpan });
  }
}

/** Explicit targets created by `text <url>`_ (collected per call of resolveReferences). */
let embeddedUriTargets: TargetDef[] = [];

/**
 * docutils' unique id: `base`, else the first free `base-N`. The used set only grows, so the first
 * free N never goes down: remembering where the search for each base stopped keeps a document with
 * thousands of equal names linear (it was quadratic).
 */
function uniqueId(base: string, used: Set<string>, nextSuffix: Map<string, number>): string {
  let id = base;
  let i = nextSuffix.get(base) ?? 1;
  if (used.has(id)) {
    while (used.has((id = `${base}-${i}`))) i++;
    nextSuffix.set(base, i + 1);
  }
  used.add(id);
  return id;
}

function problem(kind: string, severity: Problem['severity'], span: Span, data?: Problem['data']): Problem {
  const p: Problem = { kind, severity, start: span.start, end: span.end };
  if (data) p.data = data;
  return p;
}
