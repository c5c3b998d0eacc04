/**
 * Go to definition and document links: `:doc:` and relative links, toctree entries, images and includes go
 * to their file; named references to their target (`.. _name:`, a section title, an inline target);
 * substitution and footnote references to their definition. Pure.
 */
import type { Node, Span } from '../rst/ast';
import type { Workspace } from '../types';
import { collectLinks, isExternal, normalizeName, resolveLink } from '../links';
import { walk } from '../rst/walk';
import type { FeatureDoc } from './nodes';
import { nodesAt } from './nodes';

export type Location =
  /** Another file (or this one), optionally a range inside it. */
  | { path: string; start?: number; end?: number }
  /** An external URL. */
  | { url: string };

export interface DefinitionResult {
  /** The range of the link under the cursor (origin selection). */
  origin: Span;
  target: Location;
}

/** The link (file or in-document target) under the cursor. */
export function definition(doc: FeatureDoc, offset: number, ws: Workspace | undefined): DefinitionResult | undefined {
  const { text, parsed, path } = doc;
  for (const link of collectLinks(parsed, text)) {
    const inTarget = link.start <= offset && offset <= link.end;
    const inNode = link.node.start <= offset && offset < link.node.end && link.kind !== 'toctree';
    if (!inTarget && !inNode) continue;
    if (link.kind === 'reference' || link.kind === 'target' || link.kind === 'image-target') {
      if (isExternal(link.target)) continue; // an external URL: the editor's link, not a definition
    }
    if (link.glob) continue;
    const res = resolveLink(link, path, ws);
    if (res.status === 'ok') return { origin: { start: link.start, end: link.end }, target: { path: res.path } };
  }
  const chain = nodesAt(parsed.tree, offset);
  const inner = chain[chain.length - 1];
  if (!inner) return undefined;
  if (inner.type === 'reference' && (inner.kind === 'named' || inner.embeddedRefname) && !inner.url) {
    const name = inner.embeddedRefname ?? inner.refname ?? normalizeName(inner.text);
    const t = findTarget(doc, name);
    if (t) return { origin: { start: inner.start, end: inner.end }, target: { path, start: t.start, end: t.end } };
  }
  if (inner.type === 'substitution_reference') {
    let found: Span | undefined;
    walk(parsed.tree, (n) => {
      if (found) return false;
      if (n.type === 'substitution_definition' && n.name === inner.name) found = n.nameSpan;
      return undefined;
    });
    if (found) return { origin: { start: inner.start, end: inner.end }, target: { path, ...found } };
  }
  if (inner.type === 'footnote_reference' || inner.type === 'citation_reference') {
    let found: Span | undefined;
    walk(parsed.tree, (n) => {
      if (found) return false;
      if ((n.type === 'footnote' || n.type === 'citation') && n.label === inner.label) found = n.labelSpan;
      return undefined;
    });
    if (found) return { origin: { start: inner.start, end: inner.end }, target: { path, ...found } };
  }
  return undefined;
}

/** The place a reference name points to in this document: an explicit target, an inline target, or a section title. */
export function findTarget(doc: FeatureDoc, refname: string): Span | undefined {
  let explicit: Span | undefined;
  let inline: Span | undefined;
  let section: Span | undefined;
  const seen = new Set<string>();
  let name = refname;
  for (let hops = 0; hops < 10; hops++) {
    let indirect: string | undefined;
    walk(doc.parsed.tree, (n: Node) => {
      if (n.type === 'target' && !n.anonymous && n.name === name && !explicit) {
        explicit = n.nameSpan;
        if (n.refname && !n.url) indirect = n.refname;
      } else if (n.type === 'inline_target' && normalizeName(n.name) === name && !inline) inline = { start: n.start, end: n.end };
      else if (n.type === 'section' && normalizeName(n.titleText) === name && !section) section = n.titleSpan;
      return undefined;
    });
    if (!indirect || seen.has(indirect)) break;
    // `.. _a: b_` — follow to b
    seen.add(name);
    name = indirect;
    const before = explicit;
    explicit = undefined;
    inline = undefined;
    section = undefined;
    void before;
  }
  return explicit ?? inline ?? section;
}

export interface DocLink {
  start: number;
  end: number;
  target: Location;
  tooltip?: string;
}

/** Ctrl+click links: resolved files and external URLs. */
export function documentLinks(doc: FeatureDoc, ws: Workspace | undefined): DocLink[] {
  const out: DocLink[] = [];
  for (const link of collectLinks(doc.parsed, doc.text)) {
    if (link.glob) continue;
    if ((link.kind === 'reference' || link.kind === 'target' || link.kind === 'image-target') && isExternal(link.target)) {
      const url = /^[^\s/@]+@[^\s/@]+\.[^\s/@]+$/.test(link.target) ? 'mailto:' + link.target : link.target;
      out.push({ start: link.start, end: link.end, target: { url } });
      continue;
    }
    const res = resolveLink(link, doc.path, ws);
    if (res.status === 'ok') out.push({ start: link.start, end: link.end, target: { path: res.path } });
  }
  return out;
}
