/**
 * Links of a parsed document: every link-like thing collected ONCE per parse (cached on the tree), and
 * resolution of relative ones against the workspace index, the way Sphinx would build them.
 *
 * Pure: no I/O. The workspace answers from memory (`Workspace.exists`, `findByBaseName`).
 */
import type { Directive, Document, ParseResult, Reference, Role, Span, Target } from './rst/ast';
import type { Workspace } from './types';
import { marks, treeMemo } from './rst/walk';
import { posixBaseName, posixDirName, posixJoin, posixRelative } from './paths';
import { normalizeName } from './rst/names';
import { sortIfNeeded } from './sorted';

/** Normalised reference name, as docutils' `fully_normalize_name`: whitespace collapsed, lower-cased. */
export { normalizeName };

export type LinkKind =
  /** `text <url>`_, `text <url>`__, standalone URL, e-mail address. */
  | 'reference'
  /** `.. _name: url` */
  | 'target'
  /** :doc:`path` or :doc:`title <path>` */
  | 'doc'
  /** `.. image:: path` / `.. figure:: path` (also inside substitution definitions). */
  | 'image'
  /** The `:target:` option of an image or figure: a URL relative to the built page. */
  | 'image-target'
  /** `.. include:: path` / `.. literalinclude:: path` */
  | 'include'
  /** An entry of a `toctree` directive (a document name, or a glob pattern under `:glob:`). */
  | 'toctree';

export interface LinkItem extends Span {
  kind: LinkKind;
  /** The link as written (URL, path or document name), without surrounding markup. */
  target: string;
  /** The node the link belongs to (reference, target, role or directive). */
  node: Span;
  /** For toctree entries under `:glob:` that contain a wildcard. */
  glob?: boolean;
  /** Directive name for image/figure/include entries. */
  directive?: string;
}

/** Every link of the document, in source order. Computed once per parse result (cached on the tree). */
export function collectLinks(parsed: ParseResult, text: string): readonly LinkItem[] {
  return linkFacts(parsed, text).links;
}

function addReference(out: LinkItem[], r: Reference): void {
  if (r.url === undefined || !r.urlSpan) return;
  out.push({ kind: 'reference', target: r.url, start: r.urlSpan.start, end: r.urlSpan.end, node: { start: r.start, end: r.end } });
}

function addTarget(out: LinkItem[], t: Target): void {
  if (t.url === undefined || !t.urlSpan) return;
  out.push({ kind: 'target', target: t.url, start: t.urlSpan.start, end: t.urlSpan.end, node: { start: t.start, end: t.end } });
}

function addRole(out: LinkItem[], r: Role): void {
  if (r.role !== 'doc' && r.role !== 'std:doc') return;
  out.push({ kind: 'doc', target: r.target, start: r.targetSpan.start, end: r.targetSpan.end, node: { start: r.start, end: r.end } });
}

function addDirective(out: LinkItem[], d: Directive, text: string): void {
  const name = d.name.toLowerCase();
  const node = { start: d.start, end: d.end };
  if (name === 'image' || name === 'figure') {
    if (d.argumentSpan && d.argument.trim()) {
      // the argument is a URI: docutils removes whitespace inside it
      out.push({ kind: 'image', target: d.argument.replace(/\s+/g, ''), start: d.argumentSpan.start, end: d.argumentSpan.end, node, directive: name });
    }
    for (const o of d.options) {
      if (o.name.toLowerCase() === 'target' && o.value.trim()) {
        out.push({ kind: 'image-target', target: o.value.trim(), start: o.valueSpan.start, end: o.valueSpan.end, node, directive: name });
      }
    }
  } else if (name === 'include' || name === 'literalinclude') {
    if (d.argumentSpan && d.argument.trim()) {
      out.push({ kind: 'include', target: d.argument.trim(), start: d.argumentSpan.start, end: d.argumentSpan.end, node, directive: name });
    }
  } else if (name === 'toctree') {
    addToctree(out, d, text, node);
  }
}

/** Toctree entries: one per non-blank content line; `title <name>` takes the name. */
function addToctree(out: LinkItem[], d: Directive, text: string, node: Span): void {
  if (!d.contentSpan) return;
  const glob = d.options.some((o) => o.name.toLowerCase() === 'glob');
  const { start, end } = d.contentSpan;
  let i = start;
  while (i < end) {
    let j = text.indexOf('\n', i);
    if (j < 0 || j > end) j = end;
    let a = i;
    let b = j;
    while (a < b && /\s/.test(text[a])) a++;
    while (b > a && /\s/.test(text[b - 1])) b--;
    i = j + 1;
    if (a === b) continue;
    const line = text.slice(a, b);
    if (/^:[\w-]+:/.test(line) && !/^:[\w-]+:`/.test(line)) continue; // an option line, if the parser left it in the content
    let t0 = a;
    let t1 = b;
    const m = /^(.*\S)?\s*<([^<>]+)>$/.exec(line);
    if (m && m[1] !== undefined) {
      t1 = b - 1;
      t0 = t1 - m[2].length;
    }
    const target = text.slice(t0, t1);
    if (target === 'self') continue;
    out.push({ kind: 'toctree', target, start: t0, end: t1, node, glob: glob && /[*?[]/.test(target) });
  }
}

// ---------------------------------------------------------------- resolution

export type Resolution =
  /** Not checked: external scheme, same-page anchor, generated page, static files the index can't see. */
  | { status: 'skipped'; reason: 'external' | 'anchor' | 'generated' | 'no-workspace' | 'not-a-path' }
  | { status: 'ok'; path: string }
  | {
      status: 'missing';
      /** The absolute path that was looked for. */
      path: string;
      /** The link rewritten to the file probably meant, in the style of the original; undefined if none. */
      suggestion?: string;
      /** The absolute path of the suggested file. */
      suggestionPath?: string;
    };

const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;
const EMAIL = /^[^\s/@]+@[^\s/@]+\.[^\s/@]+$/;

/** True for links that are not checked in the workspace (http, https, mailto, ftp, any scheme, //host, e-mail). */
export function isExternal(url: string): boolean {
  return SCHEME.test(url) || url.startsWith('//') || EMAIL.test(url);
}

/** Split `path#anchor?query` into the path and the rest (kept verbatim for suggestions). */
export function splitSuffix(url: string): { path: string; suffix: string } {
  const i = url.search(/[#?]/);
  return i < 0 ? { path: url, suffix: '' } : { path: url.slice(0, i), suffix: url.slice(i) };
}

function decode(p: string): string {
  try {
    return decodeURI(p);
  } catch {
    return p;
  }
}

/** The folder a relative link starts from: the docs root for `/…`, else the document's folder. */
function baseFor(link: string, docPath: string, root: string): string {
  return link.startsWith('/') ? root : posixDirName(docPath);
}

function absolute(link: string, docPath: string, root: string): string {
  return posixJoin(baseFor(link, docPath, root), link.startsWith('/') ? link.slice(1) : link);
}

/** Sphinx' own generated pages and output folders, which exist only in the build. */
function generated(abs: string, root: string): 'images' | 'skip' | undefined {
  const rel = posixRelative(root, abs);
  if (rel.startsWith('../')) return undefined;
  const slash = rel.indexOf('/');
  const first = slash < 0 ? rel : rel.slice(0, slash);
  if (first === '_images') return 'images';
  if (first === '_static' || first === '_downloads' || first === '_sources' || first === '_modules') return 'skip';
  if (/^(genindex|search|py-modindex|objects\.inv)(\.html)?$/.test(rel)) return 'skip';
  return undefined;
}

/**
 * Resolve a link of a document (absolute posix path `docPath`) in the workspace.
 * Sphinx rules: relative to the document's folder, or to the docs root when it starts with `/`;
 * `:doc:` and toctree names get `.rst`; a relative `.html` link resolves when the `.rst` page it is
 * built from exists; `#anchor` and `?query` are ignored; `_images/NAME` (the build's flat image folder)
 * resolves when an image named NAME exists anywhere in the tree.
 */
export function resolveLink(link: Pick<LinkItem, 'kind' | 'target' | 'glob'>, docPath: string, ws: Workspace | undefined, root?: string): Resolution {
  if (!ws) return { status: 'skipped', reason: 'no-workspace' };
  const docsRoot = root ?? ws.root;
  const raw = link.target.trim();
  if (!raw) return { status: 'skipped', reason: 'not-a-path' };
  if (link.kind === 'doc' || link.kind === 'toctree') return resolveDocName(link, raw, docPath, ws, docsRoot);
  if (isExternal(raw)) return { status: 'skipped', reason: 'external' };
  if (link.kind === 'include' && raw.startsWith('<') && raw.endsWith('>')) return { status: 'skipped', reason: 'external' }; // docutils' standard includes
  const { path: p0, suffix } = splitSuffix(raw);
  if (!p0) return { status: 'skipped', reason: 'anchor' };
  if (/\s/.test(p0) && link.kind !== 'include') return { status: 'skipped', reason: 'not-a-path' };
  const p = decode(p0);
  const abs = absolute(p, docPath, docsRoot);
  // image and include paths are source paths; reference/target/:target: URLs point into the built site
  const isUrl = link.kind === 'reference' || link.kind === 'target' || link.kind === 'image-target';
  if (isUrl) {
    const g = generated(abs, docsRoot);
    if (g === 'skip') return { status: 'skipped', reason: 'generated' };
    if (g === 'images') {
      const name = posixBaseName(abs);
      const found = ws.findByBaseName(name);
      if (found.length > 0) return { status: 'ok', path: found[0] };
      return { status: 'missing', path: abs };
    }
  }
  if (ws.exists(abs)) return { status: 'ok', path: abs };
  if (isUrl) {
    if (p.endsWith('/') || abs === docsRoot) {
      for (const idx of ['index.rst', 'index.html']) if (ws.exists(posixJoin(abs, idx))) return { status: 'ok', path: posixJoin(abs, idx) };
    }
    if (/\.html?$/i.test(abs)) {
      const rst = abs.replace(/\.html?$/i, '.rst');
      if (ws.exists(rst)) return { status: 'ok', path: rst };
    }
  }
  if (link.kind === 'image' && abs.endsWith('.*')) {
    const stem = posixBaseName(abs).slice(0, -1); // 'name.'
    const dir = posixDirName(abs);
    for (const f of ws.files()) if (posixDirName(f) === dir && posixBaseName(f).startsWith(stem)) return { status: 'ok', path: f };
  }
  if (isUrl && /(^|\/)_images\//.test(p)) {
    const s = imagesSuggestion(p, suffix, docPath, ws, docsRoot);
    return { status: 'missing', path: abs, ...s };
  }
  return withSuggestion({ status: 'missing', path: abs }, link.kind, p, suffix, docPath, ws, docsRoot);
}

function resolveDocName(link: Pick<LinkItem, 'kind' | 'target' | 'glob'>, raw: string, docPath: string, ws: Workspace, root: string): Resolution {
  if (link.kind === 'toctree' && isExternal(raw)) return { status: 'skipped', reason: 'external' };
  let name = raw;
  if (name.startsWith('~') || name.startsWith('!')) name = name.slice(1);
  if (!name) return { status: 'skipped', reason: 'not-a-path' };
  const abs = absolute(name, docPath, root);
  if (link.glob) {
    const { re, prefix } = globRe(abs);
    // (a match starts with the pattern's literal part: most files are passed over without slicing or matching)
    for (const f of ws.filesWithPrefix ? ws.filesWithPrefix(prefix) : ws.files()) {
      if (f.startsWith(prefix) && f.endsWith('.rst') && re.test(f.slice(0, -4))) return { status: 'ok', path: f };
    }
    return { status: 'missing', path: abs };
  }
  if (link.kind === 'toctree' && /^(genindex|search|py-modindex)$/.test(name)) return { status: 'skipped', reason: 'generated' };
  const file = abs + '.rst';
  if (ws.exists(file)) return { status: 'ok', path: file };
  // a name written with its suffix also works in Sphinx (`:doc:` strips a known source suffix)
  if (abs.endsWith('.rst') && ws.exists(abs)) return { status: 'ok', path: abs };
  return withSuggestion({ status: 'missing', path: file }, link.kind, name, '', docPath, ws, root);
}

const globCache = new Map<string, { re: RegExp; prefix: string }>();
/**
 * Sphinx toctree globs: `*` and `?` and `[...]` within the document name (`*` may cross folders, as fnmatch).
 * `prefix`: the pattern up to its first wildcard, which every match starts with.
 */
function globRe(pattern: string): { re: RegExp; prefix: string } {
  let g = globCache.get(pattern);
  if (!g) {
    if (globCache.size > 500) globCache.clear();
    const wild = pattern.search(/[*?[]/);
    globCache.set(pattern, (g = { re: compileGlob(pattern), prefix: wild < 0 ? pattern : pattern.slice(0, wild) }));
  }
  return g;
}

function compileGlob(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') re += '.*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close < 0) re += '\\[';
      else {
        const body = pattern.slice(i + 1, close).replace(/\\/g, '\\\\');
        re += '[' + (body.startsWith('!') ? '^' + body.slice(1) : body) + ']';
        i = close;
      }
    } else re += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp('^' + re + '$');
}

/**
 * Find the file probably meant: same base name elsewhere in the tree, preferring the candidate that shares
 * the most trailing path segments with the missing path, then the one closest to it, then the first by name.
 * The suggestion is written in the style of the original: relative or `/`-rooted, `.html` kept, no `.rst` for
 * document names, `_images/` kept, anchor and query kept.
 */
function withSuggestion(res: Resolution & { status: 'missing' }, kind: LinkKind, written: string, suffix: string, docPath: string, ws: Workspace, root: string): Resolution {
  const abs = res.path;
  const isDocName = kind === 'doc' || kind === 'toctree';
  const isUrl = kind === 'reference' || kind === 'target' || kind === 'image-target';
  const html = isUrl && /\.html?$/i.test(abs);
  const lookFor = html ? posixBaseName(abs).replace(/\.html?$/i, '.rst') : posixBaseName(abs);
  if (!lookFor || lookFor === '.rst') return res;
  const candidates = ws.findByBaseName(lookFor).filter((c) => c !== docPath || !isDocName);
  let sourceFile = pickClosest(abs.replace(/\.html?$/i, '.rst'), candidates);
  // `:doc:`/toctree written with a wrong case or suffix are not guessed; nothing else to try
  if (!sourceFile) return res;
  let target = sourceFile;
  if (isDocName) target = sourceFile.replace(/\.rst$/, '');
  else if (html) target = sourceFile.replace(/\.rst$/, abs.slice(abs.lastIndexOf('.')));
  const rooted = written.startsWith('/');
  let suggestion = rooted ? '/' + posixRelative(root, target) : posixRelative(posixDirName(docPath), target);
  if (!rooted && written.startsWith('./') && !suggestion.startsWith('.')) suggestion = './' + suggestion;
  return { ...res, suggestion: suggestion + suffix, suggestionPath: sourceFile };
}

/** The `_images/` form of a suggestion for an image `:target:` written into the build's image folder. */
function imagesSuggestion(p: string, suffix: string, docPath: string, ws: Workspace, root: string): { suggestion?: string; suggestionPath?: string } {
  const name = posixBaseName(p);
  const found = ws.findByBaseName(name);
  if (found.length === 0) return {};
  const dir = p.startsWith('/') ? '/_images' : posixRelative(posixDirName(docPath), posixJoin(root, '_images'));
  return { suggestion: dir + '/' + name + suffix, suggestionPath: found[0] };
}

function pickClosest(wanted: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const w = wanted.split('/');
  let best: string | undefined;
  let bestKey: [number, number, string] | undefined;
  for (const c of candidates) {
    const s = c.split('/');
    let common = 0;
    while (common < w.length && common < s.length && w[w.length - 1 - common] === s[s.length - 1 - common]) common++;
    const distance = posixRelative(posixDirName(wanted), posixDirName(c)).split('/').filter((x) => x && x !== '.').length;
    const key: [number, number, string] = [-common, distance, c];
    if (!bestKey || key[0] < bestKey[0] || (key[0] === bestKey[0] && (key[1] < bestKey[1] || (key[1] === bestKey[1] && key[2] < bestKey[2])))) {
      best = c;
      bestKey = key;
    }
  }
  return best;
}

/** Every link of a document with its resolution (links are cached per parse; resolution is cheap and not cached, so workspace changes show at once). */
export function resolvedLinks(parsed: ParseResult, text: string, docPath: string, ws: Workspace | undefined, root?: string, kinds?: readonly LinkKind[]): Array<{ link: LinkItem; res: Resolution }> {
  const docsRoot = root ?? ws?.root ?? posixDirName(docPath);
  const out: Array<{ link: LinkItem; res: Resolution }> = [];
  for (const link of collectLinks(parsed, text)) {
    if (kinds && !kinds.includes(link.kind)) continue;
    out.push({ link, res: resolveLink(link, docPath, ws, docsRoot) });
  }
  return out;
}



// ---------------------------------------------------------------- link syntax slips

export type LinkSlipKind = 'missing-underscore' | 'missing-space' | 'unbalanced-open' | 'unbalanced-close' | 'duplicate-name';

export interface LinkSlip extends Span {
  kind: LinkSlipKind;
  /** The link text and URL as written. */
  text: string;
  url: string;
  /** Where the fix inserts (missing `_`, space, backquote, or the `_` making a reference anonymous). */
  insertAt?: number;
  insertText?: string;
  /** duplicate-name: the URL the name was first bound to, and where. */
  firstUrl?: string;
  firstStart?: number;
}

/** Does the part in `<…>` look like a link (a URL, a path, a page, or a `name_` alias)? */
export function looksLikeLink(url: string): boolean {
  return (
    /^[a-zA-Z][a-zA-Z0-9+.-]*:\S/.test(url) ||
    url.startsWith('www.') ||
    url.includes('/') ||
    /\.(html?|rst|txt|pdf|png|jpe?g|gif|svg)([#?].*)?$/i.test(url) ||
    /^\S+@\S+\.\w+$/.test(url) ||
    /^[\w.-]+_$/.test(url)
  );
}

const EMBEDDED_TAIL = /(?:^|\s)<([^<>\s]+)>$/;
const FACTS = Symbol('linkFacts');

/**
 * Slips in hyperlink syntax, found once per parse: `` `text <url>` `` without `_` (rendered as the default role),
 * `` `text<url>`_ `` without the space (docutils: unknown target), unbalanced backquotes around `text <url>`_,
 * and a link name bound to two different URLs (docutils: duplicate target; both links break).
 */
export function linkSlips(parsed: ParseResult, text: string): readonly LinkSlip[] {
  return linkFacts(parsed, text).slips;
}

/** Links and link slips of a document, found in ONE walk of the tree and cached on it. */
function linkFacts(parsed: ParseResult, text: string): { links: LinkItem[]; slips: LinkSlip[] } {
  return treeMemo(parsed.tree, FACTS, () => computeLinkFacts(parsed, text));
}

function computeLinkFacts(parsed: ParseResult, text: string): { links: LinkItem[]; slips: LinkSlip[] } {
  const links: LinkItem[] = [];
  const out: LinkSlip[] = [];
  // first binding of each name: explicit targets win, then embedded references in order
  const named: Array<{ name: string; url: string; start: number; end: number; explicit: boolean; anonymizable: boolean }> = [];
  const containers: Span[] = [];
  const covered: Span[] = []; // inline nodes that own their backquotes
  const nodes = marks(parsed.tree); // every node type below is a mark
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    switch (node.type) {
      case 'directive':
        addDirective(links, node, text);
        break;
      case 'role': {
        addRole(links, node);
        covered.push(node);
        if (node.role === null && !node.roleSpan) {
          const m = EMBEDDED_TAIL.exec(node.text);
          if (m && looksLikeLink(m[1]) && text[node.end - 1] === '`') {
            out.push({ kind: 'missing-underscore', start: node.start, end: node.end, text: node.text, url: m[1], insertAt: node.end, insertText: '_' });
          }
        }
        break;
      }
      case 'reference': {
        addReference(links, node);
        if (node.kind === 'named' || node.kind === 'anonymous') covered.push(node);
        if ((node.kind === 'named' || node.kind === 'anonymous') && !node.embedded) {
          const src = text.slice(node.textSpan.start, node.textSpan.end);
          const m = /^([\s\S]*\S)<([^<>\s]+)>$/.exec(src);
          if (m && looksLikeLink(m[2])) {
            const lt = node.textSpan.start + m[1].length;
            out.push({ kind: 'missing-space', start: lt, end: node.textSpan.end, text: m[1], url: m[2], insertAt: lt, insertText: ' ' });
          }
        }
        if (node.kind === 'named' && node.embedded && node.url !== undefined && node.urlSpan) {
          const underscoreAt = node.end - 1;
          named.push({
            name: normalizeName(node.text),
            url: node.url,
            start: node.start,
            end: node.end,
            explicit: false,
            anonymizable: text[underscoreAt] === '_' && text[underscoreAt - 1] !== '_',
          });
        }
        break;
      }
      case 'target':
        addTarget(links, node);
        if (!node.anonymous && node.url !== undefined && node.name) {
          named.push({ name: node.name, url: node.url, start: node.start, end: node.end, explicit: true, anonymizable: false });
        }
        break;
      case 'literal':
      case 'inline_target':
      case 'substitution_reference':
        covered.push(node);
        break;
      case 'paragraph':
      case 'line':
        containers.push(node);
        break;
      case 'section':
        containers.push(node.titleSpan);
        break;
      case 'definition_list_item':
        containers.push(node.termSpan);
        break;
      default:
        break;
    }
  }

  // a name bound to different URLs: every binding after the first with another URL
  const first = new Map<string, (typeof named)[number]>();
  for (const b of named) if (b.explicit && !first.has(b.name)) first.set(b.name, b);
  for (const b of named) if (!first.has(b.name)) first.set(b.name, b);
  for (const b of named) {
    const f = first.get(b.name)!;
    if (f === b || sameUrl(f.url, b.url)) continue;
    if (b.explicit) continue; // two explicit targets: docutils' duplicate-target problem says it
    out.push({
      kind: 'duplicate-name',
      start: b.start,
      end: b.end,
      text: b.name,
      url: b.url,
      firstUrl: f.url,
      firstStart: f.start,
      ...(b.anonymizable ? { insertAt: b.end, insertText: '_' } : {}),
    });
  }

  // unbalanced backquotes around `text <url>`_ : scan each inline container's source once
  sortIfNeeded(covered, (a, b) => a.start - b.start);
  // only containers with a '<' in them: one forward cursor over the text (containers come in order;
  // one that starts earlier than the cursor's search just searches again)
  let ltFrom = 0;
  let lt = text.indexOf('<');
  for (const c of containers) {
    if (c.start < ltFrom || (lt >= 0 && lt < c.start)) {
      ltFrom = c.start;
      lt = text.indexOf('<', c.start);
    }
    if (lt >= 0 && lt < c.end) scanUnbalanced(text, c, covered, out);
  }

  sortIfNeeded(out, byRange);
  sortIfNeeded(links, byRange);
  return { links, slips: out };
}

function byRange(a: Span, b: Span): number {
  return a.start - b.start || a.end - b.end;
}

function sameUrl(a: string, b: string): boolean {
  return a.replace(/\s+/g, '') === b.replace(/\s+/g, '');
}

function isCovered(covered: Span[], offset: number): boolean {
  // binary search for the last span starting at or before offset
  let lo = 0;
  let hi = covered.length - 1;
  let idx = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (covered[mid].start <= offset) {
      idx = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  // spans may nest; check a few predecessors (roles/references do not nest deeply)
  for (let k = idx; k >= 0 && k > idx - 4; k--) if (covered[k].start <= offset && offset < covered[k].end) return true;
  return false;
}

/**
 * In one inline container: `` `text <url>_ `` (closing backquote missing; docutils: start-string without
 * end-string) and `` text <url>`_ `` (opening backquote missing; docutils says nothing and prints the markup).
 */
function scanUnbalanced(text: string, c: Span, covered: Span[], out: LinkSlip[]): void {
  const src = text.slice(c.start, c.end);
  if (src.indexOf('<') < 0) return;
  // closing backquote missing: ` … <url>_  (no backquote in between)
  const open = /(^|[\s'"(\[{<\-\/:])`(?!`)([^`<>]*?\S)\s+<([^<>\s`]+)>(__?)(?=$|[\s.,;:!?)\]}'"\-\/\\])/g;
  for (let m = open.exec(src); m; m = open.exec(src)) {
    const bq = c.start + m.index + m[1].length;
    if (isCovered(covered, bq) || !looksLikeLink(m[3])) continue;
    const us = c.start + m.index + m[0].length - m[4].length;
    out.push({ kind: 'unbalanced-close', start: bq, end: us + m[4].length, text: m[2], url: m[3], insertAt: us, insertText: '`' });
  }
  // opening backquote missing: text <url>`_
  const close = /<([^<>\s`]+)>`(__?)(?=$|[\s.,;:!?)\]}'"\-\/\\])/g;
  for (let m = close.exec(src); m; m = close.exec(src)) {
    const lt = c.start + m.index;
    const bq = lt + m[0].length - m[2].length - 1;
    if (isCovered(covered, bq) || !looksLikeLink(m[1])) continue;
    // where the link text starts is a guess, so there is no fix
    out.push({ kind: 'unbalanced-open', start: lt, end: bq + 1 + m[2].length, text: '', url: m[1] });
  }
}
