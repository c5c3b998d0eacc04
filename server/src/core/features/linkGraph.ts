/**
 * The outgoing links of every file, and the reverse map (who links to a file). Maintained incrementally by
 * the adapter: `update` when a file is read, opened or changed, `remove` when it is deleted. Queries never
 * rescan. Pure: the adapter supplies the text and parse.
 */
import type { ParseResult } from '../rst/ast';
import type { Workspace } from '../types';
import { LineIndex } from '../lineIndex';
import { collectLinks, resolveLink, type LinkKind } from '../links';

export interface OutLink {
  kind: LinkKind;
  /** The link as written. */
  written: string;
  /** Offsets of the written link target in the source file. */
  start: number;
  end: number;
  /** Absolute path the link resolves to (or the path that was looked for when missing). */
  target: string;
  ok: boolean;
}

export interface IncomingLink extends OutLink {
  /** The file holding the link. */
  from: string;
}

interface Entry {
  links: OutLink[];
  lines: LineIndex;
  /** First lines of the document's body (for hovers on links to it). */
  preview: string;
}

const LINK_KINDS: LinkKind[] = ['doc', 'toctree', 'reference', 'target', 'image', 'image-target', 'include'];

export class LinkGraph {
  private readonly entries = new Map<string, Entry>();
  private readonly incoming = new Map<string, Set<string>>();

  /** Index a file's outgoing links (replaces what was known about it). */
  update(path: string, text: string, parsed: ParseResult, ws: Workspace | undefined): void {
    this.removeLinks(path);
    const links: OutLink[] = [];
    for (const link of collectLinks(parsed, text)) {
      if (!LINK_KINDS.includes(link.kind) || link.glob) continue;
      const res = resolveLink(link, path, ws);
      if (res.status === 'skipped') continue;
      links.push({ kind: link.kind, written: text.slice(link.start, link.end), start: link.start, end: link.end, target: res.path, ok: res.status === 'ok' });
    }
    this.entries.set(path, { links, lines: new LineIndex(text), preview: previewOf(text, parsed) });
    for (const l of links) {
      let set = this.incoming.get(l.target);
      if (!set) this.incoming.set(l.target, (set = new Set()));
      set.add(path);
    }
  }

  remove(path: string): void {
    this.removeLinks(path);
    this.entries.delete(path);
  }

  has(path: string): boolean {
    return this.entries.has(path);
  }

  get size(): number {
    return this.entries.size;
  }

  linksOf(path: string): readonly OutLink[] {
    return this.entries.get(path)?.links ?? [];
  }

  lineIndexOf(path: string): LineIndex | undefined {
    return this.entries.get(path)?.lines;
  }

  previewOf(path: string): string | undefined {
    return this.entries.get(path)?.preview;
  }

  /** Every link to `path` from any indexed file. */
  referencesTo(path: string): IncomingLink[] {
    const out: IncomingLink[] = [];
    const from = this.incoming.get(path);
    if (!from) return out;
    for (const f of [...from].sort()) {
      for (const l of this.entries.get(f)?.links ?? []) if (l.target === path) out.push({ ...l, from: f });
    }
    return out;
  }

  private removeLinks(path: string): void {
    const old = this.entries.get(path);
    if (!old) return;
    for (const l of old.links) {
      const set = this.incoming.get(l.target);
      if (!set) continue;
      set.delete(path);
      if (set.size === 0) this.incoming.delete(l.target);
    }
  }
}

/** Up to 5 lines of the first paragraphs after the title (skipping the heading lines). */
export function previewOf(text: string, parsed: ParseResult): string {
  const lines: string[] = [];
  const first = parsed.tree.children.find((b) => b.type === 'section');
  const blocks = first && first.type === 'section' ? first.children : parsed.tree.children;
  for (const b of blocks) {
    if (b.type === 'section') {
      if (lines.length === 0) continue;
      break;
    }
    if (b.type !== 'paragraph' && b.type !== 'bullet_list' && b.type !== 'enumerated_list') continue;
    for (const l of text.slice(b.start, b.end).split(/\r?\n/)) {
      if (l.trim()) lines.push(l.trimEnd());
      if (lines.length >= 5) return lines.join('\n');
    }
  }
  // fall back to the first section's body
  if (lines.length === 0 && first && first.type === 'section') {
    const sub = first.children.find((b) => b.type === 'section');
    if (sub && sub.type === 'section') {
      for (const b of sub.children) {
        for (const l of text.slice(b.start, b.end).split(/\r?\n/)) {
          if (l.trim()) lines.push(l.trimEnd());
          if (lines.length >= 5) return lines.join('\n');
        }
      }
    }
  }
  return lines.join('\n');
}
